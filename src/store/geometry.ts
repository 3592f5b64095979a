// The canvas geometry lives in the pure core (src/model/geometry.ts) so that the drawn
// SVG export and the CLI share it; the store and the canvas keep importing it from here.
export * from '../model/geometry';
