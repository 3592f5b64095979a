// The pure helpers of share links and image export: where a link points, whether a hash
// carries a design, and how large an exported image is.
import { describe, expect, it } from 'vitest';
import { imageFrame, IMAGE_MARGIN, MAX_CANVAS_PIXELS, MAX_CANVAS_SIDE } from '../../src/commands/imageFrame';
import { hasShareHash, shareUrl } from '../../src/commands/shareUrl';

describe('shareUrl', () => {
  it('puts the hash after the page address, replacing any hash already there', () => {
    expect(shareUrl('https://spof.example/studio/', '#topology=deflate:abc')).toBe('https://spof.example/studio/#topology=deflate:abc');
    expect(shareUrl('https://spof.example/studio/?harness#topology=deflate:old', '#topology=deflate:new')).toBe('https://spof.example/studio/?harness#topology=deflate:new');
    expect(shareUrl('http://127.0.0.1:4173/#', 'topology=deflate:x')).toBe('http://127.0.0.1:4173/#topology=deflate:x');
  });
});

describe('hasShareHash', () => {
  it('is true for a topology parameter, alone or among others', () => {
    expect(hasShareHash('#topology=deflate:abc')).toBe(true);
    expect(hasShareHash('topology=')).toBe(true);
    expect(hasShareHash('#view=1&topology=gzip:abc')).toBe(true);
  });
  it('is false for other hashes', () => {
    for (const h of ['', '#', '#section-2', '#topologyX=1', '#x=topology=1']) expect(hasShareHash(h), h).toBe(false);
  });
});

describe('imageFrame', () => {
  it('frames the drawing with the margin on every side at twice the resolution', () => {
    expect(imageFrame({ x: -40, y: 10, width: 600.4, height: 300 })).toEqual({
      width: Math.ceil(600.4 + 2 * IMAGE_MARGIN),
      height: 300 + 2 * IMAGE_MARGIN,
      pixelRatio: 2,
    });
  });

  it('lowers the pixel ratio only as far as a browser canvas needs', () => {
    const wide = imageFrame({ x: 0, y: 0, width: 12_000, height: 400 });
    expect(wide.pixelRatio).toBeLessThan(2);
    expect(wide.width * wide.pixelRatio).toBeCloseTo(MAX_CANVAS_SIDE, 6);
    const big = imageFrame({ x: 0, y: 0, width: 7_000, height: 7_000 });
    expect(big.width * big.height * big.pixelRatio ** 2).toBeLessThanOrEqual(MAX_CANVAS_PIXELS * (1 + 1e-9));
    expect(big.width * big.pixelRatio).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
  });

  it('never gives an empty image', () => {
    const f = imageFrame({ x: 0, y: 0, width: 0, height: 0 }, 0);
    expect(f.width).toBeGreaterThanOrEqual(1);
    expect(f.height).toBeGreaterThanOrEqual(1);
  });
});
