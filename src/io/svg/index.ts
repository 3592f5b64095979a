// The drawn SVG export (pure): drawTopologySvg(doc, { marks }) -> { svg, width, height }.
export { drawTopologySvg, type DrawnSvg, type SvgMarks, type SvgOptions } from './drawSvg';
export { COMPONENT_ACCENTS, DOMAIN_STYLES } from './theme';
