// A container's title bar gives its label the room first (src/model/containerTitle.ts):
// the kind word goes, then the availability, and only then is the label cut, its whole
// text kept in the tooltip. The canvas and the drawn SVG both use it.
import { describe, expect, it } from 'vitest';
import { CONTAINER_TITLE, containerTitle } from '../../src/model/containerTitle';
import type { FailureDomain } from '../../src/model';
import { textWidth } from '../../src/model/textMetrics';

const host: FailureDomain = { id: 'host:db-node', kind: 'host', label: 'db-node' };
const T = CONTAINER_TITLE;
const label = textWidth('db-node', T.labelFont, true);
const kind = T.gap + textWidth('HOST', T.kindFont) * T.kindSpacing;
const figure = T.gap + textWidth('99.5%', T.figureFont);

describe('containerTitle', () => {
  it('shows label, kind and availability when they fit', () => {
    expect(containerTitle(host, 400)).toEqual({ label: 'db-node', kind: 'HOST', figure: '99.5%', tooltip: 'db-node · host · 99.5%' });
  });

  it('drops the kind word before cutting the label', () => {
    const room = label + kind + figure + T.slack - 1;
    expect(containerTitle(host, room)).toEqual({ label: 'db-node', figure: '99.5%', tooltip: 'db-node · host · 99.5%' });
  });

  it('then drops the availability, keeping the whole label', () => {
    const room = label + figure + T.slack - 1;
    expect(containerTitle(host, room)).toEqual({ label: 'db-node', tooltip: 'db-node · host · 99.5%' });
  });

  it('cuts only a label longer than the whole bar, with an ellipsis; the tooltip keeps it whole', () => {
    const long: FailureDomain = { id: 'use1', kind: 'region', label: 'US East (N. Virginia), the primary region' };
    const title = containerTitle(long, 120);
    expect(title.label).toMatch(/^US East.*…$/);
    expect(textWidth(title.label, T.labelFont, true)).toBeLessThanOrEqual(120 - T.slack);
    expect(title.kind).toBeUndefined();
    expect(title.figure).toBeUndefined();
    expect(title.tooltip).toBe('US East (N. Virginia), the primary region · region · 99.995%');
  });

  it('names a domain without a label by its id; a group has no availability', () => {
    expect(containerTitle({ id: 'team-a', kind: 'group' }, 400)).toEqual({ label: 'team-a', kind: 'GROUP', tooltip: 'team-a · group' });
  });
});
