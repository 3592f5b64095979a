// The colours of the drawing, shared by the canvas (src/canvas/kinds.tsx, app.css) and
// the drawn SVG: slate neutrals, indigo containers, red only for single points of failure.
import type { ComponentKind, DomainKind } from '../../model';

/** Accent per layer: edge (blue), compute (violet), data (teal), outside (slate). */
export const COMPONENT_ACCENTS: Record<ComponentKind, string> = {
  client: '#475569',
  dns: '#2563eb',
  cdn: '#2563eb',
  loadbalancer: '#0891b2',
  web: '#7c3aed',
  app: '#7c3aed',
  service: '#7c3aed',
  database: '#0d9488',
  cache: '#d97706',
  storage: '#0d9488',
  queue: '#0d9488',
  external: '#64748b',
};

export interface DomainStyle {
  stroke: string;
  dash?: string;
  fill: string;
  fillOpacity: number;
  title: string;
}

export const DOMAIN_STYLES: Record<DomainKind, DomainStyle> = {
  provider: { stroke: '#cbd5e1', fill: '#f1f5f9', fillOpacity: 0.55, title: '#334155' },
  region: { stroke: '#a5b4fc', fill: '#eef2ff', fillOpacity: 0.45, title: '#3730a3' },
  zone: { stroke: '#818cf8', dash: '6 4', fill: '#ffffff', fillOpacity: 0.6, title: '#3730a3' },
  datacenter: { stroke: '#818cf8', dash: '6 4', fill: '#ffffff', fillOpacity: 0.6, title: '#3730a3' },
  rack: { stroke: '#94a3b8', dash: '6 4', fill: '#ffffff', fillOpacity: 0.7, title: '#334155' },
  host: { stroke: '#a5b4fc', dash: '6 4', fill: '#eef2ff', fillOpacity: 0.35, title: '#3730a3' },
  group: { stroke: '#94a3b8', dash: '2 3', fill: '#ffffff', fillOpacity: 0, title: '#334155' },
};

export const INK = {
  background: '#f8fafc',
  card: '#ffffff',
  cardBorder: '#cbd5e1',
  text: '#0f172a',
  muted: '#475569',
  faint: '#64748b',
  link: '#64748b',
  replication: '#0d9488',
  optional: '#94a3b8',
  spof: '#dc2626',
  /** The amber ring of a card in a dangerous pair (a shape: 3:1 is enough). */
  pair: '#d97706',
  /** The pair badge behind white text: 5.0:1, as the canvas's pair badge (app.css); #d97706 gave 3.2:1. */
  pairBadge: '#b45309',
  failed: '#475569',
  served: '#16a34a',
} as const;

export const BADGE_COLOURS = {
  pool: { fill: '#ede9fe', stroke: '#c4b5fd', text: '#5b21b6' },
  standby: { fill: '#fef3c7', stroke: '#fcd34d', text: '#92400e' },
  replica: { fill: '#ccfbf1', stroke: '#5eead4', text: '#115e59' },
  spread: { fill: '#e0f2fe', stroke: '#7dd3fc', text: '#075985' },
} as const;

/** `colour` mixed with white: the icon box's tint (CSS `color-mix(in srgb, c p%, white)`). */
export function tint(colour: string, share: number): string {
  const v = parseInt(colour.slice(1), 16);
  const mix = (c: number) => Math.round(c * share + 255 * (1 - share)).toString(16).padStart(2, '0');
  return `#${mix((v >> 16) & 255)}${mix((v >> 8) & 255)}${mix(v & 255)}`;
}

export const FONT_FAMILY = "Inter, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif";
