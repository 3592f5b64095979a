// Terraform's HCL, read by a real parser: tree-sitter's HCL grammar (the terraform
// dialect of @tree-sitter-grammars/tree-sitter-hcl) on web-tree-sitter, WebAssembly that
// runs alike in Node, the browser and a worker. Its syntax tree becomes the small AST
// below (blocks, attributes, expressions, each with its line); evaluation is evaluate.ts's.
// Where the two .wasm files come from is the host's business (configureHcl): the CLI reads
// them from node_modules, the app gets their URLs from Vite, the tests from the disk.
import { setOwn } from '../../model/keyed';
import type { Node as SyntaxNode, Parser as TreeSitterParser, TreeCursor } from 'web-tree-sitter';
import { syntaxError } from './hclErrors';

export interface HclWasm {
  /** web-tree-sitter's runtime (web-tree-sitter.wasm): bytes or a URL. */
  runtime: Uint8Array | string;
  /** The grammar (tree-sitter-terraform.wasm): bytes or a URL. */
  grammar: Uint8Array | string;
}

export type HclExpr =
  | { t: 'literal'; value: string | number | boolean | null; line: number }
  | { t: 'tuple'; items: HclExpr[]; line: number }
  | { t: 'object'; entries: { key: string; value: HclExpr; line: number }[]; line: number }
  /**
   * `var.region`, `aws_lb.web.arn`, `module.vpc.azs`, `aws_instance.app[0].id`; an index that is
   * an expression (`local.zones[count.index]`) is kept as one; `*` for a splat.
   */
  | { t: 'traversal'; root: string; path: TraversalStep[]; line: number; text: string }
  | { t: 'template'; parts: (string | HclExpr)[]; line: number; text: string }
  | { t: 'call'; name: string; args: HclExpr[]; line: number; text: string }
  | { t: 'conditional'; cond: HclExpr; then: HclExpr; else: HclExpr; line: number; text: string }
  /**
   * `[for k, v in coll : body if cond]` and `{for k, v in coll : key => body... if cond}`: `keyVar`
   * is the index or key (absent when only one name is given), `valueVar` the element.
   */
  | { t: 'for'; object: boolean; keyVar?: string; valueVar: string; collection: HclExpr; key?: HclExpr; body: HclExpr; cond?: HclExpr; grouping: boolean; line: number; text: string }
  /** `a + b`, `n > 0`, `x == "y"`, `!ok`, `-1`: arithmetic, comparison and logic. */
  | { t: 'op'; op: string; args: HclExpr[]; line: number; text: string }
  /** Splats, directives and the like: not evaluated; their references still count. */
  | { t: 'opaque'; inner: HclExpr[]; line: number; text: string };

export type TraversalStep = string | number | { index: HclExpr };

export interface HclAttribute {
  expr: HclExpr;
  line: number;
}

export interface HclBlock {
  type: string;
  labels: string[];
  attributes: Record<string, HclAttribute>;
  blocks: HclBlock[];
  line: number;
}

export type HclRead = { ok: true; body: HclBlock } | { ok: false; line: number; column: number; message: string };

let wasmSource: (() => Promise<HclWasm>) | undefined;
let parserPromise: Promise<TreeSitterParser> | undefined;

/** Tells the HCL reader where its WebAssembly is; called once by the CLI, the app and the tests. */
export function configureHcl(source: () => Promise<HclWasm>): void {
  wasmSource = source;
  parserPromise = undefined;
}

async function parser(): Promise<TreeSitterParser> {
  if (!wasmSource) throw new Error('the HCL parser is not configured (configureHcl)');
  parserPromise ??= (async () => {
    const { Parser, Language } = await import('web-tree-sitter');
    const wasm = await wasmSource!();
    const runtime = wasm.runtime;
    await Parser.init(typeof runtime === 'string' ? { locateFile: () => runtime } : { wasmBinary: runtime } as object);
    const language = await Language.load(wasm.grammar);
    const p = new Parser();
    p.setLanguage(language);
    return p;
  })();
  return parserPromise;
}

/**
 * Numbers written with an exponent and no fraction (`1e3`), by their offset: HCL allows them,
 * the grammar only after a fraction (`1.0e3`). Set while one file's tree is read (synchronously).
 */
let exponentNumbers = new Map<number, string>();

const EXPONENT_NUMBER = /(?<![\w.])(\d+)([eE][-+]?\d+)(?![\w.])/g;

/**
 * The text with each exponent the grammar refuses blanked (`1e3` read as `1  `, so that lines
 * and columns stay), and the numbers as written; undefined when there is none. Only where the
 * tree holds the digits as a number: `"1e3"` in a string or a comment is text.
 */
function blankedExponents(root: SyntaxNode, text: string): { text: string; numbers: Map<number, string> } | undefined {
  const numbers = new Map<number, string>();
  let out = text;
  for (const m of text.matchAll(EXPONENT_NUMBER)) {
    const start = m.index;
    const digitsEnd = start + m[1].length;
    const n = root.descendantForIndex(start, digitsEnd);
    if (n?.type !== 'numeric_lit' || n.startIndex !== start || n.endIndex !== digitsEnd) continue;
    numbers.set(start, m[0]);
    out = out.slice(0, digitsEnd) + ' '.repeat(m[2].length) + out.slice(digitsEnd + m[2].length);
  }
  return numbers.size ? { text: out, numbers } : undefined;
}

export async function readHcl(text: string): Promise<HclRead> {
  const p = await parser();
  let tree = p.parse(text);
  if (!tree) return { ok: false, line: 1, column: 1, message: 'the HCL parser gave no result' };
  const blanked = tree.rootNode.hasError ? blankedExponents(tree.rootNode, text) : undefined;
  if (blanked) {
    const again = p.parse(blanked.text);
    if (again) {
      tree.delete();
      tree = again;
      exponentNumbers = blanked.numbers;
    }
  }
  try {
    // Before anything walks it by recursion (100,000 nested brackets overflowed the stack).
    const deep = tooDeep(tree.walk());
    if (deep) return { ok: false, ...deep, message: `invalid HCL: nested more than ${MAX_HCL_DEPTH} levels deep` };
    const root = tree.rootNode;
    if (root.hasError) return syntaxError(root, text);
    const body = root.namedChildren.find((c) => c?.type === 'body');
    return { ok: true, body: { type: '', labels: [], line: 1, ...(body ? readBody(body) : { attributes: {}, blocks: [] }) } };
  } finally {
    tree.delete();
    exponentNumbers = new Map();
  }
}

/**
 * Levels of the syntax tree read at most. A bracket or a block is two to four levels of
 * tree-sitter's tree; real Terraform nests a few dozen.
 */
export const MAX_HCL_DEPTH = 400;

/** Where the tree first passes MAX_HCL_DEPTH, found without recursion; undefined when it does not. */
function tooDeep(cursor: TreeCursor): { line: number; column: number } | undefined {
  try {
    let depth = 0;
    for (;;) {
      if (depth > MAX_HCL_DEPTH) return { line: cursor.startPosition.row + 1, column: cursor.startPosition.column + 1 };
      if (cursor.gotoFirstChild()) {
        depth++;
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return undefined;
        depth--;
      }
    }
  } finally {
    cursor.delete();
  }
}

function readBody(body: SyntaxNode): { attributes: Record<string, HclAttribute>; blocks: HclBlock[] } {
  const attributes: Record<string, HclAttribute> = {};
  const blocks: HclBlock[] = [];
  for (const c of body.namedChildren) {
    if (!c) continue;
    if (c.type === 'attribute') {
      const name = c.namedChildren.find((x) => x?.type === 'identifier')?.text ?? '';
      const e = c.namedChildren.find((x) => x?.type === 'expression');
      // setOwn: an attribute named `__proto__` is an entry like any other, not the prototype.
      if (e) setOwn(attributes, name, { expr: readExpr(e), line: c.startPosition.row + 1 });
    } else if (c.type === 'block') {
      const [typeNode, ...rest] = c.namedChildren.filter((x): x is SyntaxNode => !!x);
      const labels = rest.filter((x) => x.type === 'string_lit' || x.type === 'identifier').map((x) => (x.type === 'string_lit' ? stringValue(x) : x.text));
      const inner = rest.find((x) => x.type === 'body');
      blocks.push({ type: typeNode?.text ?? '', labels, line: c.startPosition.row + 1, ...(inner ? readBody(inner) : { attributes: {}, blocks: [] }) });
    }
  }
  return { attributes, blocks };
}

function stringValue(n: SyntaxNode): string {
  return n.namedChildren.filter((c) => c?.type === 'template_literal').map((c) => c!.text).join('');
}

function readExpr(n: SyntaxNode): HclExpr {
  const line = n.startPosition.row + 1;
  const kids = n.namedChildren.filter((c): c is SyntaxNode => !!c);
  switch (n.type) {
    case 'expression': {
      // `( expr )`, or a term followed by its traversal steps (get_attr, index, splat).
      if (kids.length === 1) return readExpr(kids[0]);
      const [head, ...steps] = kids;
      if (head.type === 'variable_expr') return traversal(head.text, steps, n);
      return { t: 'opaque', inner: kids.map(readExpr), line, text: n.text };
    }
    case 'literal_value':
      return readExpr(kids[0]);
    case 'numeric_lit':
      return { t: 'literal', value: Number(exponentNumbers.get(n.startIndex) ?? n.text), line };
    case 'bool_lit':
      return { t: 'literal', value: n.text === 'true', line };
    case 'null_lit':
      return { t: 'literal', value: null, line };
    case 'string_lit':
      return { t: 'literal', value: stringValue(n), line };
    case 'variable_expr':
      return { t: 'traversal', root: n.text, path: [], line, text: n.text };
    case 'collection_value':
      return readExpr(kids[0]);
    case 'tuple':
      return { t: 'tuple', items: kids.filter((k) => k.type === 'expression').map(readExpr), line };
    case 'object':
      return {
        t: 'object',
        line,
        entries: kids.filter((k) => k.type === 'object_elem').map((el) => {
          const [k, v] = el.namedChildren.filter((c): c is SyntaxNode => !!c && c.type === 'expression');
          return { key: objectKey(k), value: v ? readExpr(v) : { t: 'literal', value: null, line }, line: el.startPosition.row + 1 };
        }),
      };
    case 'template_expr':
      return readExpr(kids[0]);
    case 'quoted_template':
    case 'heredoc_template': {
      const parts: (string | HclExpr)[] = [];
      let directive = false;
      for (const k of kids) {
        if (k.type === 'template_literal') parts.push(k.text);
        else if (k.type === 'template_interpolation') {
          const e = k.namedChildren.find((c) => c?.type === 'expression');
          if (e) parts.push(readExpr(e));
        } else if (k.type === 'template_directive') directive = true;
      }
      if (directive) return { t: 'opaque', inner: parts.filter((p): p is HclExpr => typeof p !== 'string'), line, text: n.text };
      return { t: 'template', parts, line, text: n.text };
    }
    case 'function_call': {
      const name = kids.find((k) => k.type === 'identifier')?.text ?? '';
      const args = kids.find((k) => k.type === 'function_arguments');
      return { t: 'call', name, args: (args?.namedChildren ?? []).filter((c): c is SyntaxNode => c?.type === 'expression').map(readExpr), line, text: n.text };
    }
    case 'conditional': {
      const [c, a, b] = kids.map(readExpr);
      return { t: 'conditional', cond: c, then: a, else: b, line, text: n.text };
    }
    case 'for_expr':
    case 'operation':
      return readExpr(kids[0]);
    case 'binary_operation':
    case 'unary_operation':
      return operation(n);
    case 'for_tuple_expr':
    case 'for_object_expr':
      return forExpr(n, kids);
    default:
      return { t: 'opaque', inner: kids.flatMap(innerExprs).map(readExpr), line, text: n.text };
  }
}

/**
 * The grammar flattens operands into the operation (`var.n[0] > 1` is variable_expr, get_attr,
 * index, `>`, literal_value): the unnamed tokens are the operators, the named nodes between
 * them one operand each.
 */
function operation(n: SyntaxNode): HclExpr {
  const groups: SyntaxNode[][] = [[]];
  let op = '';
  for (const c of n.children) {
    if (!c || c.type === 'comment') continue;
    if (c.isNamed) groups[groups.length - 1].push(c);
    else {
      op = c.type;
      groups.push([]);
    }
  }
  const args = groups.filter((g) => g.length).map(operand);
  return { t: 'op', op, args, line: n.startPosition.row + 1, text: n.text };
}

function operand(nodes: SyntaxNode[]): HclExpr {
  const [head, ...steps] = nodes;
  if (steps.length === 0) return readExpr(head);
  if (head.type === 'variable_expr') return traversal(head.text, steps, head, nodes.map((x) => x.text).join(''));
  return { t: 'opaque', inner: nodes.flatMap(innerExprs).map(readExpr), line: head.startPosition.row + 1, text: nodes.map((x) => x.text).join('') };
}

function forExpr(n: SyntaxNode, kids: SyntaxNode[]): HclExpr {
  const intro = kids.find((k) => k.type === 'for_intro');
  const names = (intro?.namedChildren ?? []).filter((c): c is SyntaxNode => c?.type === 'identifier').map((c) => c.text);
  const collection = intro?.namedChildren.find((c) => c?.type === 'expression');
  const exprs = kids.filter((k) => k.type === 'expression').map(readExpr);
  const cond = kids.find((k) => k.type === 'for_cond')?.namedChildren.find((c) => c?.type === 'expression');
  const object = n.type === 'for_object_expr';
  const line = n.startPosition.row + 1;
  return {
    t: 'for', object, line, text: n.text,
    keyVar: names.length > 1 ? names[0] : undefined,
    valueVar: names[names.length - 1] ?? '',
    collection: collection ? readExpr(collection) : { t: 'literal', value: null, line },
    key: object ? exprs[0] : undefined,
    body: (object ? exprs[1] : exprs[0]) ?? { t: 'literal', value: null, line },
    cond: cond ? readExpr(cond) : undefined,
    grouping: kids.some((k) => k.type === 'ellipsis'),
  };
}

/** The expressions inside an operation: their references are what matters. */
function innerExprs(n: SyntaxNode): SyntaxNode[] {
  if (n.type === 'expression') return [n];
  return n.namedChildren.filter((c): c is SyntaxNode => !!c).flatMap(innerExprs);
}

function objectKey(k: SyntaxNode | undefined): string {
  if (!k) return '';
  const e = readExpr(k);
  if (e.t === 'literal') return String(e.value);
  if (e.t === 'traversal' && e.path.length === 0) return e.root;
  return k.text;
}

function traversal(root: string, steps: SyntaxNode[], whole: SyntaxNode, text = whole.text): HclExpr {
  const path: TraversalStep[] = [];
  for (const s of steps) {
    if (s.type === 'get_attr') path.push(s.namedChildren.find((c) => c?.type === 'identifier')?.text ?? '');
    else if (s.type === 'index') {
      const e = s.descendantsOfType('expression')[0];
      const v = e ? readExpr(e) : undefined;
      if (v?.t === 'literal' && (typeof v.value === 'number' || typeof v.value === 'string')) path.push(v.value);
      else if (v) path.push({ index: v });
      else path.push('*');
    } else if (s.type === 'splat') {
      path.push('*');
      for (const g of s.descendantsOfType('get_attr')) path.push(g?.namedChildren.find((c) => c?.type === 'identifier')?.text ?? '');
    }
  }
  return { t: 'traversal', root, path, line: whole.startPosition.row + 1, text };
}
