// The picture of a report: the drawn SVG of the design (src/io/svg, the app's own SVG
// export) with its SPOFs and pairs marked, and its data-URI form for Markdown.
import { drawTopologySvg } from '../io/svg';
import type { Topology } from '../model';
import type { AnalysisJson } from './analysisJson';

/**
 * The design drawn from its positions (lay it out first when it has none), as SVG markup to
 * put inside a page: the XML declaration, which only a file may start with, left out.
 */
export function designPicture(topology: Topology, analysis: Pick<AnalysisJson, 'spofs' | 'pairs'>): string {
  const { svg } = drawTopologySvg(topology, {
    marks: { spof: analysis.spofs.map((s) => s.id), pair: analysis.pairs.flatMap((p) => p.ids) },
  });
  return svg.replace(/^<\?xml[^>]*\?>\s*/, '');
}

/** An SVG as a `data:` URI (base64 of its UTF-8), for an image in Markdown. */
export function svgDataUri(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}
