import { getBezierPath, Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { linkPath } from '../../src/canvas/LinkEdge';

describe('a link\'s path', () => {
  it('between far nodes of one row arcs below the row, its caption clear of the cards between', () => {
    // A card is 64 px tall and the link leaves from the middle of its side.
    const [path, x, y] = linkPath(200, 100, 900, 100, Position.Right, Position.Left);
    expect(path.startsWith('M200,100 C')).toBe(true);
    expect(path.endsWith('900,100')).toBe(true);
    expect(x).toBeCloseTo(550);
    expect(y - 100).toBeGreaterThan(32 + 12);
  });

  it('arcs the same way for a link drawn right to left', () => {
    const [, x, y] = linkPath(900, 100, 200, 100, Position.Left, Position.Right);
    expect(x).toBeCloseTo(550);
    expect(y - 100).toBeGreaterThan(44);
  });

  it('between neighbours, or up and down, is the usual bezier', () => {
    const near = linkPath(200, 100, 420, 100, Position.Right, Position.Left);
    expect(near).toEqual(getBezierPath({ sourceX: 200, sourceY: 100, targetX: 420, targetY: 100, sourcePosition: Position.Right, targetPosition: Position.Left }).slice(0, 3));
    const down = linkPath(200, 100, 900, 400, Position.Bottom, Position.Top);
    expect(down).toEqual(getBezierPath({ sourceX: 200, sourceY: 100, targetX: 900, targetY: 400, sourcePosition: Position.Bottom, targetPosition: Position.Top }).slice(0, 3));
  });
});
