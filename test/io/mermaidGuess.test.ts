// The guesses behind hand-written imports, word by word (issue 7's list and more).
import { describe, expect, it } from 'vitest';
import { guessDomainKind, guessKind, guessReplicas, guessRole } from '../../src/io/mermaidGuess';

describe('guessKind', () => {
  it.each([
    ['Users', 'client'], ['Mobile app', 'client'], ['Browser', 'client'], ['Customers', 'client'],
    ['DNS', 'dns'], ['Route 53', 'dns'], ['Route53', 'dns'],
    ['CDN', 'cdn'], ['CloudFront', 'cdn'], ['Akamai edge', 'cdn'],
    ['Load balancer', 'loadbalancer'], ['ALB', 'loadbalancer'], ['ELB', 'loadbalancer'], ['nginx', 'loadbalancer'], ['HAProxy', 'loadbalancer'], ['LB2', 'loadbalancer'],
    ['Web', 'web'], ['Web tier', 'web'], ['Frontend', 'web'], ['web1', 'web'],
    ['App', 'app'], ['API', 'app'], ['Backend', 'app'], ['App server 2', 'app'], ['Server', 'app'],
    ['Service', 'service'], ['Orders service', 'service'], ['User service', 'service'], ['authService', 'service'], ['Worker', 'service'],
    ['Database', 'database'], ['DB', 'database'], ['Users DB', 'database'], ['Postgres', 'database'], ['PostgreSQL', 'database'], ['MySQL', 'database'], ['orders_db', 'database'],
    ['Primary', 'database'], ['Replica', 'database'], ['Standby', 'database'],
    ['Redis', 'cache'], ['Memcached', 'cache'], ['Session cache', 'cache'],
    ['S3', 'storage'], ['Bucket', 'storage'], ['Object storage', 'storage'],
    ['Queue', 'queue'], ['Kafka', 'queue'], ['SQS', 'queue'], ['RabbitMQ', 'queue'],
    ['Stripe', 'external'], ['Third-party API', 'external'],
  ])('%s -> %s', (label, kind) => {
    expect(guessKind(label, undefined)?.kind).toBe(kind);
  });

  it('falls back on the shape, then on nothing', () => {
    expect(guessKind('Thing', 'cylinder')).toEqual({ kind: 'database', reason: 'its cylinder shape' });
    expect(guessKind('Thing', 'stadium')?.kind).toBe('client');
    expect(guessKind('Thing', 'hexagon')?.kind).toBe('dns');
    expect(guessKind('Thing', 'lean_right')?.kind).toBe('queue');
    expect(guessKind('Thing', 'square')).toBeUndefined();
    expect(guessKind('Thing', undefined)).toBeUndefined();
  });
});

describe('guessRole', () => {
  it.each([
    ['Postgres primary', { role: 'primary' }],
    ['Read replica', { role: 'replica' }],
    ['DB replica 2', { role: 'replica' }],
    ['Standby DB', { role: 'standby' }],
    ['LB hot standby', { role: 'standby', standby: 'hot' }],
    ['cold-standby', { role: 'standby', standby: 'cold' }],
    ['Postgres', undefined],
  ])('%s', (label, role) => {
    const g = guessRole(label);
    expect(g && { role: g.role, ...(g.standby ? { standby: g.standby } : {}) }).toEqual(role);
  });
});

describe('guessReplicas', () => {
  it('reads ×3, x3 and "3 instances", and nothing from plain numbers', () => {
    expect(guessReplicas('App ×3')?.replicas).toBe(3);
    expect(guessReplicas('Web x4')?.replicas).toBe(4);
    expect(guessReplicas('3 instances')?.replicas).toBe(3);
    expect(guessReplicas('Web server 2')).toBeUndefined();
    expect(guessReplicas('x1')).toBeUndefined();
  });

  it('reads no count from a name ending in digits: x3, x123 and web-x3 are names; Web (x3) and Web X 3 are counts', () => {
    for (const name of ['x3', 'x123', 'X42', 'web-x3', 'node_x2', '×3']) expect(guessReplicas(name)).toBeUndefined();
    expect(guessReplicas('Web (x3)')?.replicas).toBe(3);
    expect(guessReplicas('Web X 3')?.replicas).toBe(3);
  });
});

describe('guessDomainKind', () => {
  it.each([
    ['us-east-1', 'region'], ['Region A', 'region'], ['eu-west-2 (London)', 'region'], ['us-central1', 'region'],
    ['us-east-1a', 'zone'], ['AZ b', 'zone'], ['Zone 1', 'zone'], ['us-central1-a', 'zone'], ['Availability zone', 'zone'],
    ['DC Frankfurt', 'datacenter'], ['Rack 12', 'rack'], ['AWS', 'provider'], ['Azure', 'provider'],
    ['Data tier', 'group'], ['VPC', 'group'],
  ])('%s -> %s', (title, kind) => {
    expect(guessDomainKind(title).kind).toBe(kind);
  });
});
