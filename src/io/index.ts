// Designs in and out: JSON files, Mermaid export and import, share links (DESIGN section 5).
export * from './files';
export * from './mermaidExport';
export * from './mermaidImport';
export { parseFlowchart, MAX_MERMAID_CHARS, type Flowchart, type FlowchartResult } from './mermaidParse';
export { decodeMermaidText, encodeMermaidText, isSafeMermaidId, mermaidIdOf, topologyIdOf } from './mermaidText';
export { componentText, domainTitle, linkText } from './mermaidLabels';
export * from './problems';
export * from './shareLink';
export { drawTopologySvg, type DrawnSvg, type SvgMarks, type SvgOptions } from './svg';
export { terminalSafe, xmlSafe } from './safeText';
