// The kinds' icons as single SVG paths: lucide's icons (the ones the canvas shows, from
// the framework-free `lucide` package), their circles, rectangles and lines turned into
// path data so that every SVG tool draws them alike.
import {
  AppWindow, Boxes, Building2, Cloud, Cpu, Database, Globe, Group, HardDrive, Inbox, Map as MapIcon,
  Plug, Server, Split, Users, Warehouse, Zap, type IconNode,
} from 'lucide';
import type { ComponentKind, DomainKind } from '../../model';

const COMPONENT_ICONS: Record<ComponentKind, IconNode> = {
  client: Users, dns: Globe, cdn: Cloud, loadbalancer: Split, web: AppWindow, app: Cpu, service: Boxes,
  database: Database, cache: Zap, storage: HardDrive, queue: Inbox, external: Plug,
};

const DOMAIN_ICONS: Record<DomainKind, IconNode> = {
  provider: Cloud, region: MapIcon, zone: Building2, datacenter: Warehouse, rack: Server, host: HardDrive, group: Group,
};

type Attrs = Record<string, string | number | undefined>;
const n = (a: Attrs, k: string) => Number(a[k] ?? 0);

function ellipse(cx: number, cy: number, rx: number, ry: number): string {
  return `M${cx - rx} ${cy}a${rx} ${ry} 0 1 0 ${2 * rx} 0a${rx} ${ry} 0 1 0 ${-2 * rx} 0Z`;
}

function rect(x: number, y: number, w: number, h: number, rx: number, ry: number): string {
  if (rx <= 0 && ry <= 0) return `M${x} ${y}h${w}v${h}h${-w}Z`;
  const a = `a${rx} ${ry} 0 0 1`;
  return `M${x + rx} ${y}h${w - 2 * rx}${a} ${rx} ${ry}v${h - 2 * ry}${a} ${-rx} ${ry}h${-(w - 2 * rx)}${a} ${-rx} ${-ry}v${-(h - 2 * ry)}${a} ${rx} ${-ry}Z`;
}

const NUMBER = /^[\s,]*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)/;

/**
 * A path's first moveto is absolute even when written `m`, and the pairs after it are
 * relative linetos; joined after another path it would be relative. `m15 9 6-6` becomes
 * `M15 9l6-6`.
 */
export function absoluteStart(d: string): string {
  const start = d.match(/^\s*m/);
  if (!start) return d;
  let rest = d.slice(start[0].length);
  const xy: string[] = [];
  for (let i = 0; i < 2; i++) {
    const m = rest.match(NUMBER);
    if (!m) return d;
    xy.push(m[1]);
    rest = rest.slice(m[0].length);
  }
  return NUMBER.test(rest) ? `M${xy[0]} ${xy[1]}l${rest.replace(/^[\s,]+/, '')}` : `M${xy[0]} ${xy[1]}${rest}`;
}

/** One element of a lucide icon as path data (lucide draws on a 24 x 24 grid). */
function elementPath([tag, a]: IconNode[number]): string {
  const at = a as Attrs;
  switch (tag) {
    case 'path': return absoluteStart(String(at.d ?? ''));
    case 'circle': return ellipse(n(at, 'cx'), n(at, 'cy'), n(at, 'r'), n(at, 'r'));
    case 'ellipse': return ellipse(n(at, 'cx'), n(at, 'cy'), n(at, 'rx'), n(at, 'ry'));
    case 'rect': {
      const rx = at.rx !== undefined ? n(at, 'rx') : n(at, 'ry');
      const ry = at.ry !== undefined ? n(at, 'ry') : rx;
      return rect(n(at, 'x'), n(at, 'y'), n(at, 'width'), n(at, 'height'), rx, ry);
    }
    case 'line': return `M${n(at, 'x1')} ${n(at, 'y1')}L${n(at, 'x2')} ${n(at, 'y2')}`;
    case 'polyline':
    case 'polygon': {
      const p = String(at.points ?? '').trim().split(/[\s,]+/).map(Number);
      let d = '';
      for (let i = 0; i + 1 < p.length; i += 2) d += `${i === 0 ? 'M' : 'L'}${p[i]} ${p[i + 1]}`;
      return tag === 'polygon' ? `${d}Z` : d;
    }
    default: return '';
  }
}

const pathCache = new Map<IconNode, string>();

function iconPath(icon: IconNode): string {
  let d = pathCache.get(icon);
  if (d === undefined) {
    d = icon.map(elementPath).filter(Boolean).join('');
    pathCache.set(icon, d);
  }
  return d;
}

/** Path data of a component kind's icon on lucide's 24 x 24 grid. */
export function componentIconPath(kind: ComponentKind): string {
  return iconPath(COMPONENT_ICONS[kind]);
}

export function domainIconPath(kind: DomainKind): string {
  return iconPath(DOMAIN_ICONS[kind]);
}
