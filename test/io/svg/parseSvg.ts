// A strict XML parse of a drawn SVG (saxes: any well-formedness error throws), into a
// small tree the tests can query.
import { SaxesParser } from 'saxes';

export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

export function parseSvg(svg: string): XmlNode {
  const parser = new SaxesParser();
  const root: XmlNode = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  let failure: Error | undefined;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [], text: '' };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (t) => {
    for (const node of stack) node.text += t;
  });
  parser.write(svg).close();
  if (failure) throw failure;
  return root.children[0];
}

export function all(node: XmlNode, name?: string): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode) => {
    if (name === undefined || n.name === name) out.push(n);
    n.children.forEach(walk);
  };
  walk(node);
  return out;
}

/** The group that draws a node or link. */
export function drawnElement(svg: XmlNode, id: string): XmlNode | undefined {
  return all(svg, 'g').find((g) => g.attributes['data-id'] === id);
}

/** What the group shows as text (its <text> elements, not its tooltip). */
export function shownText(g: XmlNode): string {
  return all(g, 'text').map((t) => t.text).join(' ');
}
