import { describe, expect, it } from 'vitest';
import { copyFragment } from '../../src/store/clipboard';
import { fragmentFromText, fragmentToText } from '../../src/store/clipboardText';
import { templateById } from '../../src/templates';

const stage6 = templateById('stage6')!.topology;

describe('a fragment as clipboard text', () => {
  it('reads back as the same fragment', () => {
    const fragment = copyFragment(stage6, ['web1', 'db'])!;
    expect(fragmentFromText(fragmentToText(fragment))).toEqual({ kind: 'fragment', fragment });
  });

  it('leaves any other text alone', () => {
    expect(fragmentFromText('hello').kind).toBe('other');
    expect(fragmentFromText('{"format":"spof-topology","version":1,"components":[]}').kind).toBe('other');
  });

  it('refuses a broken fragment, naming the path and the reason', () => {
    const fragment = copyFragment(stage6, ['web1'])!;
    const text = JSON.parse(fragmentToText(fragment));
    text.components[0].availability = 2;
    text.components[0].kind = 'mainframe';
    const read = fragmentFromText(JSON.stringify(text));
    expect(read.kind).toBe('broken');
    if (read.kind !== 'broken') return;
    expect(read.problems).toContainEqual(expect.stringMatching(/^components\[0\]\.availability: must be > 0 and <= 1 \(got 2\)/));
    expect(read.problems).toContainEqual(expect.stringMatching(/^components\[0\]\.kind: unknown kind "mainframe"/));
  });
});
