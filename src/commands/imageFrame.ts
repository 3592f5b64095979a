// The size of an exported canvas image: the drawing's bounds plus a margin, at a pixel ratio
// that stays within what a browser canvas can hold. Pure, unit-tested.

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ImageFrame {
  /** CSS pixels of the image (the drawing at zoom 1 plus the margin on each side). */
  width: number;
  height: number;
  /** Device pixels per CSS pixel of the PNG. */
  pixelRatio: number;
}

/** Blank space around the drawing, in CSS pixels. */
export const IMAGE_MARGIN = 32;
/** Twice the screen's resolution: sharp on slides and high-density screens. */
export const IMAGE_PIXEL_RATIO = 2;
/** Chromium's canvas limit is 16,384 px a side and 268 million pixels; stay well inside. */
export const MAX_CANVAS_SIDE = 16_000;
export const MAX_CANVAS_PIXELS = 120_000_000;

/** The image for `bounds` at zoom 1: the preferred ratio, lowered only as far as a huge design needs. */
export function imageFrame(bounds: Bounds, margin = IMAGE_MARGIN, preferredRatio = IMAGE_PIXEL_RATIO): ImageFrame {
  const width = Math.max(1, Math.ceil(bounds.width + 2 * margin));
  const height = Math.max(1, Math.ceil(bounds.height + 2 * margin));
  const bySide = MAX_CANVAS_SIDE / Math.max(width, height);
  const byArea = Math.sqrt(MAX_CANVAS_PIXELS / (width * height));
  const pixelRatio = Math.min(preferredRatio, bySide, byArea);
  return { width, height, pixelRatio };
}
