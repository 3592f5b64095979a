import { beforeEach, describe, expect, it } from 'vitest';
import { canvasTargetOf, selectElement } from '../../src/store/focus';
import { useSelection } from '../../src/store/selection';
import { templateById } from '../../src/templates';
import { freshStore } from './helpers';

describe('selecting analysis elements on the canvas', () => {
  beforeEach(() => {
    freshStore(structuredClone(templateById('active-active')!.topology));
  });

  it('maps components, instances, failover events, domains and links', () => {
    expect(canvasTargetOf('lb')).toEqual({ nodeIds: ['lb'], edgeIds: [] });
    expect(canvasTargetOf('app#3')).toEqual({ nodeIds: ['app'], edgeIds: [] });
    expect(canvasTargetOf('failover:db-standby')).toEqual({ nodeIds: ['db-standby'], edgeIds: [] });
    expect(canvasTargetOf('use1a')).toEqual({ nodeIds: ['use1a'], edgeIds: [] });
    expect(canvasTargetOf('lb->app')).toEqual({ nodeIds: [], edgeIds: ['lb->app'] });
    expect(canvasTargetOf('db-repl')).toEqual({ nodeIds: [], edgeIds: ['db-repl'] });
    expect(canvasTargetOf('nothing')).toEqual({ nodeIds: [], edgeIds: [] });
  });

  it('selects it', () => {
    selectElement('app#2');
    expect(useSelection.getState().nodeIds).toEqual(['app']);
  });
});
