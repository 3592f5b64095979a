// Label selectors select as the API server does (matchLabels and matchExpressions, all must hold).
import { describe, expect, it } from 'vitest';
import { matchesSelector, matchesServiceSelector } from '../../src/import/kubernetes/selectors';

const pod = { app: 'web', tier: 'frontend', track: 'stable' };

describe('label selectors', () => {
  it.each([
    [{ matchLabels: { app: 'web' } }, true],
    [{ matchLabels: { app: 'web', tier: 'backend' } }, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['frontend', 'edge'] }] }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['backend'] }] }, false],
    [{ matchExpressions: [{ key: 'track', operator: 'NotIn', values: ['canary'] }] }, true],
    [{ matchExpressions: [{ key: 'missing', operator: 'NotIn', values: ['x'] }] }, true],
    [{ matchExpressions: [{ key: 'track', operator: 'NotIn', values: ['stable'] }] }, false],
    [{ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, true],
    [{ matchExpressions: [{ key: 'missing', operator: 'Exists' }] }, false],
    [{ matchExpressions: [{ key: 'missing', operator: 'DoesNotExist' }] }, true],
    [{ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, false],
    [{ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['backend'] }] }, false],
    [{ matchExpressions: [{ key: 'app', operator: 'Gt', values: ['1'] }] }, false],
    [{}, true],
    [undefined, false],
  ])('%j selects the pod: %s', (selector, expected) => {
    expect(matchesSelector(selector, pod)).toBe(expected);
  });

  it('a Service selector is equality only, and an empty one selects nothing', () => {
    expect(matchesServiceSelector({ app: 'web' }, pod)).toBe(true);
    expect(matchesServiceSelector({ app: 'web', tier: 'x' }, pod)).toBe(false);
    expect(matchesServiceSelector({}, pod)).toBe(false);
    expect(matchesServiceSelector(undefined, pod)).toBe(false);
  });
});
