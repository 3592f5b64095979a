// PNG and SVG export of the canvas, after React Flow's image-export recipe: the bounds of
// every node, a viewport that frames them at zoom 1, and html-to-image drawing the
// `.react-flow__viewport` element with that transform. What the canvas shows is what the
// image shows: SPOF rings and badges, zones, link captions.
import { getViewportForBounds } from '@xyflow/react';
import { fileSave } from 'browser-fs-access';
import { FileImage, Image } from 'lucide-react';
import { getFlowInstance } from '../canvas/flowBridge';
import { withEveryNodeDrawn } from '../canvas/visibleOnly';
import { useDocument } from '../store/document';
import { useUi } from '../store/ui';
import { fileStem } from './documents';
import { IMAGE_MARGIN, imageFrame } from './imageFrame';
import type { Command } from './types';

type ImageFormat = 'png' | 'svg';

const hasDrawing = () => {
  const { doc } = useDocument.getState();
  return doc.components.length + doc.domains.length > 0;
};

/** Handles are for connecting by mouse; they are noise in a picture. */
const keepInImage = (node: HTMLElement) => !(node.classList?.contains('react-flow__handle') ?? false);

function canvasBackground(viewport: HTMLElement): string {
  const flow = viewport.closest<HTMLElement>('.react-flow');
  const colour = flow ? getComputedStyle(flow).backgroundColor : '';
  return colour && colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent' ? colour : '#ffffff';
}

// The paint of SVG shapes (link paths come from the stylesheet, not from attributes).
const SVG_PAINT = ['stroke', 'stroke-width', 'stroke-dasharray', 'stroke-linecap', 'stroke-linejoin', 'stroke-opacity', 'fill', 'fill-opacity', 'opacity'];

/**
 * html-to-image copies an `<svg>` subtree as it is, without the computed styles it copies for
 * HTML elements, so links styled by CSS would come out without a stroke. Writes each shape's
 * computed paint into its style attribute while the image is drawn; returns the undo.
 */
function inlineSvgPaint(root: HTMLElement): () => void {
  const restore: (() => void)[] = [];
  for (const el of root.querySelectorAll<SVGElement>('svg *')) {
    const before = el.getAttribute('style');
    const computed = getComputedStyle(el);
    for (const p of SVG_PAINT) el.style.setProperty(p, computed.getPropertyValue(p));
    restore.push(() => (before === null ? el.removeAttribute('style') : el.setAttribute('style', before)));
  }
  return () => restore.forEach((undo) => undo());
}

/** Draws the whole design (not just the visible part) into a PNG or SVG blob. */
export async function renderCanvasImage(format: ImageFormat): Promise<Blob> {
  const rf = getFlowInstance();
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  if (!rf || !viewport) throw new Error('the canvas is not on screen');
  const nodes = rf.getNodes();
  if (nodes.length === 0) throw new Error('the design is empty');
  const bounds = rf.getNodesBounds(nodes);
  const frame = imageFrame(bounds);
  const { x, y, zoom } = getViewportForBounds(bounds, frame.width, frame.height, 1, 1, `${IMAGE_MARGIN}px`);
  const options = {
    backgroundColor: canvasBackground(viewport),
    width: frame.width,
    height: frame.height,
    pixelRatio: frame.pixelRatio,
    filter: keepInImage,
    style: { width: `${frame.width}px`, height: `${frame.height}px`, transform: `translate(${x}px, ${y}px) scale(${zoom})` },
  };
  const { toBlob, toSvg } = await import('html-to-image');
  // A large design draws only what is on screen: mount every node and edge while drawing.
  const edgeCount = rf.getEdges().length;
  const drawn = () => viewport.querySelectorAll('.react-flow__node').length >= nodes.length
    && viewport.querySelectorAll('.react-flow__edge').length >= edgeCount;
  return withEveryNodeDrawn(drawn, async () => {
    const restore = inlineSvgPaint(viewport);
    try {
      if (format === 'png') {
        const blob = await toBlob(viewport, options);
        if (!blob) throw new Error('the browser could not encode the PNG');
        return blob;
      }
      // toSvg answers a data URL: `data:image/svg+xml;charset=utf-8,<percent-encoded SVG>`.
      const url = await toSvg(viewport, options);
      return new Blob([decodeURIComponent(url.slice(url.indexOf(',') + 1))], { type: 'image/svg+xml' });
    } finally {
      restore();
    }
  });
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
  icon: Image,
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
