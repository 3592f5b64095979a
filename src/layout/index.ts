// Auto-layout (pure). The browser calls it through client.ts (ELK in a Web Worker).
export * from './types';
export { layoutTopology } from './layoutTopology';
export { needsLayout } from './needsLayout';
export { containerTree, ancestorsOf, descendantsOf, type ContainerTree } from './containers';
