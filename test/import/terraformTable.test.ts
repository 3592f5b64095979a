// The Terraform resource table, row by row: each type in a minimal configuration becomes a
// component of its kind; each connector type connects and is no component.
import { describe, expect, it } from 'vitest';
import { BINDING_TYPES, CONNECTOR_TYPES, MODULE_TABLE, RESOURCE_TABLE } from '../../src/import/terraform/resources';
import { imported } from './helpers';

describe('the Terraform resource table', () => {
  it.each(RESOURCE_TABLE.map((r) => [r.type, r.kind] as const))('resource %s is a %s component', async (type, kind) => {
    const r = await imported([{ path: 'main.tf', text: `resource "${type}" "x" {}\n` }]);
    expect(r.component(`${type}.x`).kind).toBe(kind);
  });

  it.each([...CONNECTOR_TYPES].map((t) => [t]))('%s only connects: no component', async (type) => {
    const r = await imported([{ path: 'main.tf', text: `resource "${type}" "x" {}\nresource "aws_sqs_queue" "q" {}\n` }]);
    expect(r.t.components.map((c) => c.id)).toEqual(['aws_sqs_queue.q']);
  });

  it.each(Object.entries(BINDING_TYPES))('%s makes the consumer depend on its source', async (type, b) => {
    const consumer = `resource "aws_lambda_function" "consumer" {}\n`;
    const source = `resource "aws_sqs_queue" "source" {}\n`;
    const set = (path: string, value: string): string => {
      const [head, ...rest] = path.split('.');
      return rest.length ? `${head} {\n${set(rest.join('.'), value)}\n}` : `${head} = ${value}`;
    };
    const r = await imported([{ path: 'main.tf', text: `${consumer}${source}resource "${type}" "x" {\n${set(b.consumer, 'aws_lambda_function.consumer.arn')}\n${set(b.source, 'aws_sqs_queue.source.arn')}\n}\n` }]);
    expect(r.deps('aws_lambda_function.consumer')).toEqual(['aws_sqs_queue.source']);
    expect(r.t.components.map((c) => c.id)).not.toContain(`${type}.x`);
  });

  it.each(MODULE_TABLE.map((r) => [r.source.source.replace(/\\\//g, '/'), r.kind] as const))('module %s is a %s component', async (source, kind) => {
    const r = await imported([{ path: 'main.tf', text: `module "m" {\n  source = "${source}"\n}\n` }]);
    expect(r.component('module.m').kind).toBe(kind);
  });
});
