// The kind-from-image table, row by row, and the names that must not match.
import { describe, expect, it } from 'vitest';
import { IMAGE_KINDS, imageSegments, kindFromImage } from '../../src/import/imageKinds';

describe('kind from the image', () => {
  const rows = IMAGE_KINDS.flatMap((row) => row.names.map((name) => [name, row.kind] as const));
  it.each(rows)('%s -> %s (bare, tagged, with a registry and an organisation)', (name, kind) => {
    expect(kindFromImage(name).kind).toBe(kind);
    expect(kindFromImage(`${name}:1.2-alpine`).kind).toBe(kind);
    expect(kindFromImage(`registry.example.com:5000/team/${name}@sha256:abc`).kind).toBe(kind);
    expect(kindFromImage(`bitnami/${name}-cluster:latest`).kind).toBe(kind);
  });

  it.each([
    ['postgres:16', 'database'], ['mysql:8', 'database'], ['mariadb', 'database'], ['mongo:7', 'database'],
    ['cockroachdb/cockroach:v24.1', 'database'], ['cassandra:5', 'database'], ['redis:7-alpine', 'cache'],
    ['memcached', 'cache'], ['valkey/valkey:8', 'cache'], ['rabbitmq:3-management', 'queue'], ['confluentinc/cp-kafka', 'queue'],
    ['nats:2', 'queue'], ['apache/activemq-artemis', 'queue'], ['redpandadata/redpanda', 'queue'], ['minio/minio', 'storage'],
    ['nginx:1.27', 'loadbalancer'], ['haproxy', 'loadbalancer'], ['traefik:v3', 'loadbalancer'], ['envoyproxy/envoy:v1.30', 'loadbalancer'], ['caddy:2', 'loadbalancer'],
    ['gcr.io/google-samples/gb-redis-follower:v2', 'cache'],
  ])('the issue\'s examples: %s -> %s', (image, kind) => {
    expect(kindFromImage(image).kind).toBe(kind);
  });

  it.each([
    'mongo-express', 'oliver006/redis_exporter', 'provectuslabs/kafka-ui', 'rediscommander/redis-commander', 'traefik/whoami',
    'quay.io/prometheuscommunity/postgres-exporter', 'phpmyadmin', 'example/api', 'gb-frontend', '',
  ])('%s is a service (a tool around a system, or nothing known)', (image) => {
    expect(kindFromImage(image).kind).toBe('service');
  });

  it('finds the name without registry, tag or digest', () => {
    expect(imageSegments('localhost:5000/a/b/postgres:16@sha256:x')).toEqual(['postgres', 'b', 'a']);
    expect(imageSegments('./web')).toEqual(['web']);
  });
});
