// Pixels of a screenshot, for what only paint shows (marks drawn as paths, far out).
import type { Locator, Page } from '@playwright/test';

/** Strong red pixels (SPOF marks) in a screenshot of `target`, with what `mask` covers blanked out. */
export async function redPixels(page: Page, target: Locator, mask: Locator[] = []): Promise<number> {
  const png = await target.screenshot({ mask, maskColor: '#ffffff' });
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [image.width, image.height];
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, image.width, image.height).data;
    let red = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] > 180 && data[i + 1] < 120 && data[i + 2] < 120) red++;
    return red;
  }, png.toString('base64'));
}

/** Pixels within `tolerance` of the colour `rgb` in each channel, in a screenshot of `target` with what `mask` covers blanked out. */
export async function pixelsOf(page: Page, target: Locator, rgb: [number, number, number], mask: Locator[] = [], tolerance = 12): Promise<number> {
  const png = await target.screenshot({ mask, maskColor: '#ffffff' });
  return page.evaluate(async ({ base64, rgb, tolerance }) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [image.width, image.height];
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, image.width, image.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - rgb[0]) <= tolerance && Math.abs(data[i + 1] - rgb[1]) <= tolerance && Math.abs(data[i + 2] - rgb[2]) <= tolerance) n++;
    }
    return n;
  }, { base64: png.toString('base64'), rgb, tolerance });
}
