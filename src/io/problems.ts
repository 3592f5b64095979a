// Problems of reading designs from Mermaid text and share links. Same shape as the model's
// `Problem` (code, path, message), with codes of their own so the model's catalogue stays its own.
import type { Problem } from '../model';

export const IO_ERROR_CODES = {
  notFlowchart: 'not-flowchart',
  mermaidSyntax: 'mermaid-syntax',
  emptyDiagram: 'empty-diagram',
  tooLarge: 'too-large',
  notShareLink: 'not-share-link',
  unknownCodec: 'unknown-codec',
  badEncoding: 'bad-encoding',
  badCompression: 'bad-compression',
} as const;

export type IoErrorCode = (typeof IO_ERROR_CODES)[keyof typeof IO_ERROR_CODES];

export interface IoProblem {
  code: IoErrorCode | Problem['code'];
  /** `line 3` in a Mermaid text, a topology path, or '' for the whole input. */
  path: string;
  message: string;
}

/** `line 3: Mermaid cannot parse ...` */
export function formatIoProblem(p: IoProblem): string {
  return p.path ? `${p.path}: ${p.message}` : p.message;
}
