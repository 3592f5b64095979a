import { describe, expect, it } from 'vitest';
import { formatImportNote } from '../../src/import/notes';

describe('import notes', () => {
  it('print as file:line subject: message, with what was assumed or warned said as such', () => {
    expect(formatImportNote({ kind: 'inferred', subject: 'web1', source: { file: 'compose.yaml', line: 14 }, message: 'replicas 2 from deploy.replicas' }))
      .toBe('compose.yaml:14 web1: replicas 2 from deploy.replicas');
    expect(formatImportNote({ kind: 'assumed', subject: 'db', message: 'availability 99.5% (RDS single-AZ SLA 99.5%)' }))
      .toBe('db: assumed: availability 99.5% (RDS single-AZ SLA 99.5%)');
    expect(formatImportNote({ kind: 'warning', source: { file: 'k8s/app.yaml', line: 3, column: 5 }, message: 'no workload has the labels app=nope' }))
      .toBe('k8s/app.yaml:3:5 warning: no workload has the labels app=nope');
    expect(formatImportNote({ kind: 'inferred', source: { file: 'main.tf' }, message: 'region us-east-1 from the provider block' }))
      .toBe('main.tf region us-east-1 from the provider block');
  });
});
