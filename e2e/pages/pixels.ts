// Pixels of a screenshot, for what only paint shows (marks drawn as paths, far out).
import type { Locator, Page } from '@playwright/test';

type Range = [low: number, high: number];

/** Pixels whose red, green and blue each fall in their range, in a screenshot of `target` with what `mask` covers blanked out. */
async function pixelsIn(page: Page, target: Locator, ranges: [Range, Range, Range], mask: Locator[]): Promise<number> {
  const png = await target.screenshot({ mask, maskColor: '#ffffff' });
  return page.evaluate(async ({ base64, ranges }) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [image.width, image.height];
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, image.width, image.height).data;
    const inside = (value: number, [low, high]: [number, number]) => value >= low && value <= high;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (inside(data[i], ranges[0]) && inside(data[i + 1], ranges[1]) && inside(data[i + 2], ranges[2])) n++;
    }
    return n;
  }, { base64: png.toString('base64'), ranges });
}

/** Strong red pixels (SPOF marks) in a screenshot of `target`, with what `mask` covers blanked out. */
export function redPixels(page: Page, target: Locator, mask: Locator[] = []): Promise<number> {
  return pixelsIn(page, target, [[181, 255], [0, 119], [0, 119]], mask);
}

/** Pixels within `tolerance` of the colour `rgb` in each channel, in a screenshot of `target` with what `mask` covers blanked out. */
export function pixelsOf(page: Page, target: Locator, rgb: [number, number, number], mask: Locator[] = [], tolerance = 12): Promise<number> {
  const around = (value: number): Range => [value - tolerance, value + tolerance];
  return pixelsIn(page, target, [around(rgb[0]), around(rgb[1]), around(rgb[2])], mask);
}
