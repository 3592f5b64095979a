// The small caption a link carries on the canvas and in the drawn SVG.
import type { Link } from './schema';

/** A replication link's mode (and lag or interval); a dependency's label, "optional", its availability. */
export function linkCaption(l: Link): string | undefined {
  if (l.type === 'replication') {
    const mode = l.mode ?? 'async';
    if (mode === 'async' && l.lagSeconds !== undefined) return `async · ${l.lagSeconds} s lag`;
    if (mode === 'backup' && l.intervalSeconds !== undefined) return `backup · every ${l.intervalSeconds} s`;
    return mode;
  }
  const parts = [l.label, l.optional ? 'optional' : undefined, l.availability !== undefined && l.availability < 1 ? `${(l.availability * 100).toFixed(2)}%` : undefined];
  const text = parts.filter(Boolean).join(' · ');
  return text || undefined;
}
