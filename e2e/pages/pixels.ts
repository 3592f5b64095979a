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
