// PNG and SVG export. Both are drawn from the document (src/io/svg): the SVG is shapes and
// text that any SVG tool opens, and the PNG is that SVG rasterised by the browser at twice
// the resolution (less for a design too big for a canvas). The marks are the canvas's:
// SPOF rings and badges, pairs, and in what-if mode what failed and what went down.
import { FileImage, Image as ImageIcon } from 'lucide-react';
import type { DrawnSvg } from '../io/svg';
import { useAnalysis } from '../store/analysis';
import { useDocument } from '../store/document';
import { useUi } from '../store/ui';
import { fileStem } from './documents';
import { fileSave } from './fileSave';
import { imageFrame } from './imageFrame';
import type { Command } from './types';

type ImageFormat = 'png' | 'svg';

const hasDrawing = () => {
  const { doc } = useDocument.getState();
  return doc.components.length + doc.domains.length > 0;
};

/** The design as the canvas shows it now, drawn as SVG (the drawing code loads on first use). */
export async function drawCurrentDesign(): Promise<DrawnSvg> {
  const { drawTopologySvg } = await import('../io/svg');
  const { doc } = useDocument.getState();
  const { spofIds, pairIds, whatIf } = useAnalysis.getState();
  return drawTopologySvg(doc, {
    marks: { spof: spofIds, pair: pairIds, failed: whatIf.active ? whatIf.failed : [], down: whatIf.active ? whatIf.down : [] },
  });
}

/** Draws the SVG into a canvas at the frame's pixel ratio and encodes it as PNG. */
async function rasterise({ svg, width, height }: DrawnSvg): Promise<Blob> {
  const frame = imageFrame({ x: 0, y: 0, width, height }, 0);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.floor(frame.width * frame.pixelRatio));
    canvas.height = Math.max(1, Math.floor(frame.height * frame.pixelRatio));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('the browser gave no canvas to draw the PNG on');
    context.scale(frame.pixelRatio, frame.pixelRatio);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG'))), 'image/png');
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The whole design (not just the visible part) as a PNG or SVG blob. */
export async function renderCanvasImage(format: ImageFormat): Promise<Blob> {
  if (!hasDrawing()) throw new Error('the design is empty');
  const drawn = await drawCurrentDesign();
  return format === 'svg' ? new Blob([drawn.svg], { type: 'image/svg+xml' }) : rasterise(drawn);
}

async function exportImage(format: ImageFormat): Promise<void> {
  const fileName = `${fileStem(useDocument.getState().doc.name)}.${format}`;
  try {
    // The picker opens at once, while the click still counts as the person's gesture; the blob follows.
    await fileSave(renderCanvasImage(format), {
      fileName,
      extensions: [`.${format}`],
      mimeTypes: [format === 'png' ? 'image/png' : 'image/svg+xml'],
      description: format === 'png' ? 'PNG image' : 'SVG image',
    });
  } catch (e) {
    if ((e as Error).name !== 'AbortError') useUi.getState().showError(`The ${format.toUpperCase()} image was not exported`, [(e as Error).message]);
  }
}

export const exportPng: Command = {
  id: 'export-png',
  label: 'PNG image',
  icon: ImageIcon,
  predicate: hasDrawing,
  perform: () => exportImage('png'),
};

export const exportSvg: Command = {
  id: 'export-svg',
  label: 'SVG image',
  icon: FileImage,
  predicate: hasDrawing,
  perform: () => exportImage('svg'),
};
