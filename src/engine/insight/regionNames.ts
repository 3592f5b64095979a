// What to call a second region: the region a team would usually pair with the first
// (the provider's own disaster-recovery pairs for Azure, the common pairings for AWS and
// Google Cloud), recognised by its code in the region's id or label (`us-east-1`, `use1`,
// `europe-west1`, `eastus`) or by its display name; otherwise the next number, or
// "Second region". The table is data: a row per region, tested row by row.

export interface RegionName {
  code: string;
  /** The provider's display name, as consoles show it. */
  name: string;
  /** The region a second copy usually goes to. */
  pair: string;
}

export const REGION_NAMES: RegionName[] = [
  { code: 'us-east-1', name: 'US East (N. Virginia)', pair: 'us-west-2' },
  { code: 'us-east-2', name: 'US East (Ohio)', pair: 'us-west-2' },
  { code: 'us-west-1', name: 'US West (N. California)', pair: 'us-east-1' },
  { code: 'us-west-2', name: 'US West (Oregon)', pair: 'us-east-1' },
  { code: 'ca-central-1', name: 'Canada (Central)', pair: 'ca-west-1' },
  { code: 'ca-west-1', name: 'Canada West (Calgary)', pair: 'ca-central-1' },
  { code: 'sa-east-1', name: 'South America (São Paulo)', pair: 'us-east-1' },
  { code: 'eu-west-1', name: 'Europe (Ireland)', pair: 'eu-central-1' },
  { code: 'eu-west-2', name: 'Europe (London)', pair: 'eu-west-1' },
  { code: 'eu-west-3', name: 'Europe (Paris)', pair: 'eu-central-1' },
  { code: 'eu-central-1', name: 'Europe (Frankfurt)', pair: 'eu-west-1' },
  { code: 'eu-north-1', name: 'Europe (Stockholm)', pair: 'eu-central-1' },
  { code: 'ap-south-1', name: 'Asia Pacific (Mumbai)', pair: 'ap-south-2' },
  { code: 'ap-south-2', name: 'Asia Pacific (Hyderabad)', pair: 'ap-south-1' },
  { code: 'ap-southeast-1', name: 'Asia Pacific (Singapore)', pair: 'ap-southeast-2' },
  { code: 'ap-southeast-2', name: 'Asia Pacific (Sydney)', pair: 'ap-southeast-1' },
  { code: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)', pair: 'ap-northeast-3' },
  { code: 'ap-northeast-2', name: 'Asia Pacific (Seoul)', pair: 'ap-northeast-1' },
  { code: 'ap-northeast-3', name: 'Asia Pacific (Osaka)', pair: 'ap-northeast-1' },
  { code: 'us-central1', name: 'Iowa', pair: 'us-east1' },
  { code: 'us-east1', name: 'South Carolina', pair: 'us-central1' },
  { code: 'us-west1', name: 'Oregon (Google Cloud)', pair: 'us-central1' },
  { code: 'europe-west1', name: 'Belgium', pair: 'europe-west4' },
  { code: 'europe-west4', name: 'Netherlands', pair: 'europe-west1' },
  { code: 'asia-northeast1', name: 'Tokyo (Google Cloud)', pair: 'asia-northeast2' },
  { code: 'asia-northeast2', name: 'Osaka (Google Cloud)', pair: 'asia-northeast1' },
  { code: 'eastus', name: 'East US', pair: 'westus' },
  { code: 'westus', name: 'West US', pair: 'eastus' },
  { code: 'eastus2', name: 'East US 2', pair: 'centralus' },
  { code: 'centralus', name: 'Central US', pair: 'eastus2' },
  { code: 'westeurope', name: 'West Europe', pair: 'northeurope' },
  { code: 'northeurope', name: 'North Europe', pair: 'westeurope' },
  { code: 'uksouth', name: 'UK South', pair: 'ukwest' },
  { code: 'ukwest', name: 'UK West', pair: 'uksouth' },
];

const BY_CODE = new Map(REGION_NAMES.map((r) => [r.code, r]));

const DIRECTION: Record<string, string> = { east: 'e', west: 'w', north: 'n', south: 's', central: 'c', southeast: 'se', northeast: 'ne' };

/** AWS's short form of a region code, as ids often spell it: us-east-1 -> use1, ap-southeast-2 -> apse2. */
export function shortCode(code: string): string | undefined {
  const m = /^([a-z]{2})-([a-z]+)-(\d+)$/.exec(code);
  return m && DIRECTION[m[2]] ? `${m[1]}${DIRECTION[m[2]]}${m[3]}` : undefined;
}

/** Matches a region code or name as a whole word; a zone letter may follow a code (us-east-1a). */
function wordRegex(form: string, isCode: boolean): RegExp {
  const body = form.replace(/[().]/g, '\\$&').replace(/-/g, '[- ]');
  return new RegExp(`(?<![a-z0-9])${body}${isCode ? '(?![0-9]|[a-z][a-z0-9])' : ''}`, 'i');
}

/** A code or name found in `text`; the longest wins (eastus2 over eastus). */
function codeIn(text: string): { row: RegionName; found: string } | undefined {
  let best: { row: RegionName; found: string } | undefined;
  for (const row of REGION_NAMES) {
    for (const [form, isCode] of [[row.name, false], [row.code, true], [shortCode(row.code), true]] as const) {
      if (!form) continue;
      const m = wordRegex(form, isCode).exec(text);
      if (m && (!best || m[0].length > best.found.length)) best = { row, found: m[0] };
    }
  }
  return best;
}

export interface RegionNaming {
  /** The code of the recognised region, when there is one (us-east-1). */
  from?: string;
  /** The code of the region to pair it with (us-west-2). */
  to?: string;
  /** Rewrites a name of the first region (its id, label, a zone's or component's label) for the second. */
  rename(text: string): string | undefined;
  /** The label of the new region. */
  label: string;
  /** The base of the new region's id. */
  id: string;
}

/**
 * How to name the copy of `region` (its id and label): its pair when its code is known,
 * else the next number ("Region 1" -> "Region 2"), else "Second region". `taken` holds
 * the labels already used, so a third region is not named like the second.
 */
export function namingFor(id: string, label: string, taken: ReadonlySet<string>): RegionNaming {
  const hit = codeIn(label) ?? codeIn(id);
  if (hit) {
    const to = BY_CODE.get(hit.row.pair)!;
    if (!taken.has(to.code) && !taken.has(to.name)) {
      const rename = (text: string): string | undefined => {
        const forms = [[hit.row.name, to.name, false], [hit.row.code, to.code, true], [shortCode(hit.row.code), shortCode(to.code), true]] as const;
        for (const [from, into, isCode] of forms) {
          if (!from || !into) continue;
          const m = wordRegex(from, isCode).exec(text);
          if (m) return text.slice(0, m.index) + (isCode ? sameCase(m[0], into) : into) + text.slice(m.index + m[0].length);
        }
        return undefined;
      };
      return { from: hit.row.code, to: to.code, rename, label: rename(label) ?? to.code, id: rename(id) ?? shortCode(to.code) ?? to.code };
    }
  }
  const numbered = /^(.*?)(\d+)$/.exec(label);
  if (numbered) {
    let n = Number(numbered[2]) + 1;
    while (taken.has(`${numbered[1]}${n}`)) n++;
    const next = `${numbered[1]}${n}`;
    const idNumber = /^(.*?)(\d+)$/.exec(id);
    return { rename: (text) => (text.includes(label) ? text.replace(label, next) : undefined), label: next, id: idNumber ? `${idNumber[1]}${Number(idNumber[2]) + (n - Number(numbered[2]))}` : `${id}-${n}` };
  }
  const ordinals = ['Second', 'Third', 'Fourth', 'Fifth', 'Sixth'];
  const word = ordinals.find((o) => !taken.has(`${o} region`)) ?? 'Another';
  return { rename: (text) => (text.includes(label) ? text.replace(label, `${word} region`) : undefined), label: `${word} region`, id: `${id}-${word.toLowerCase()}` };
}

/** `into` written in the case of `like`, part by part: "US-East-1" + "us-west-2" -> "US-West-2". */
function sameCase(like: string, into: string): string {
  if (like === like.toLowerCase()) return into;
  const likeParts = like.split(/[- ]/);
  const sep = like.includes(' ') ? ' ' : '-';
  return into.split('-').map((part, i) => {
    const model = likeParts[Math.min(i, likeParts.length - 1)];
    if (model === model.toUpperCase() && /[A-Z]/.test(model)) return part.toUpperCase();
    if (/^[A-Z]/.test(model)) return part[0].toUpperCase() + part.slice(1);
    return part;
  }).join(sep);
}
