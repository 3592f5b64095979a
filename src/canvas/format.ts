// Kept for the canvas's imports; the formatting is shared with the drawn SVG (src/model/percent.ts).
export { formatPercent } from '../model/percent';
