// `analyze --format sarif` (DESIGN section 4): the findings as a SARIF 2.1.0 log, so that
// code-scanning tools (GitHub's among them) annotate the design file itself. The finding
// catalogue is the tool's rule list (id = the finding's stable code); each finding is one
// result at its first element's line and column in the file, its other elements related.
import type { Location, Log, ReportingDescriptor, Result } from 'sarif';
import { FINDING_RULES, type Finding, type FindingRule, type Severity } from '../engine/insight';
import { version } from '../../package.json';
import { locateElements, type DesignLocations, type ElementLocation } from './jsonLocations';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifInput {
  /** The design file as the user named it (a relative path becomes a %SRCROOT%-relative URI). */
  file: string;
  /** Its text, for line and column positions. */
  text: string;
  findings: Finding[];
}

const LEVEL: Record<Severity, Result.level> = { high: 'error', medium: 'warning', low: 'note' };
// GitHub's own severity scale for results that are not security alerts.
const PROBLEM_SEVERITY: Record<Severity, string> = { high: 'error', medium: 'warning', low: 'recommendation' };

export function toSarif(input: SarifInput): Log {
  const rules = FINDING_RULES.map(ruleDescriptor);
  const ruleIndex = new Map(FINDING_RULES.map((r, i) => [r.code, i]));
  const artifact = artifactLocation(input.file);
  const locations = locateElements(input.text);
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'SPOF Studio', semanticVersion: version, version, rules } },
      artifacts: [{ location: { uri: artifact.uri, ...(artifact.uriBaseId ? { uriBaseId: artifact.uriBaseId } : {}) }, mimeType: 'application/json', roles: ['analysisTarget'] }],
      columnKind: 'utf16CodeUnits',
      results: input.findings.map((f) => result(f, ruleIndex.get(f.code), artifact, locations)),
    }],
  };
}

function ruleDescriptor(r: FindingRule): ReportingDescriptor {
  return {
    id: r.code,
    name: r.code.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(''),
    shortDescription: { text: r.title.charAt(0).toUpperCase() + r.title.slice(1) },
    fullDescription: { text: r.description },
    help: { text: r.help },
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: { tags: ['reliability', 'architecture'], precision: 'very-high', 'problem.severity': PROBLEM_SEVERITY[r.severity] },
  };
}

function result(f: Finding, ruleIndex: number | undefined, artifact: ArtifactRef, locations: DesignLocations): Result {
  const found = f.ids.map((id) => ({ id, at: locations.of(id) })).filter((x): x is { id: string; at: ElementLocation } => x.at !== undefined);
  const [primary, ...related] = found;
  return {
    ruleId: f.code,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    message: { text: `${f.message} ${f.suggestion}` },
    // Every finding names at least one element; should none be in the file, the file's first line stands for it.
    locations: [primary ? location(primary.id, primary.at, artifact) : { physicalLocation: { artifactLocation: artifact, region: { startLine: 1 } } }],
    ...(related.length > 0 ? { relatedLocations: related.map((r, i) => ({ id: i + 1, ...location(r.id, r.at, artifact), message: { text: r.id } })) } : {}),
    // The same finding on the same elements is the same alert, wherever its lines move.
    partialFingerprints: { 'spofFinding/v1': `${f.code}:${[...f.ids].sort().join(',')}` },
    properties: { elements: f.ids },
  };
}

function location(id: string, at: ElementLocation, artifact: ArtifactRef): Location {
  return {
    physicalLocation: { artifactLocation: artifact, region: at.region },
    logicalLocations: [{ name: id, fullyQualifiedName: at.path, kind: 'object' }],
  };
}

interface ArtifactRef {
  uri: string;
  uriBaseId?: string;
  index: number;
}

/**
 * A relative path stays relative to the checkout (`%SRCROOT%`), as code scanning expects; an
 * absolute one becomes a file URI. Backslashes are separators; each segment is URI-encoded.
 */
export function artifactLocation(file: string): ArtifactRef {
  const path = file.replace(/\\/g, '/');
  const encoded = path.split('/').map((segment) => (/^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment))).join('/');
  if (path.startsWith('/')) return { uri: `file://${encoded}`, index: 0 };
  if (/^[A-Za-z]:\//.test(path)) return { uri: `file:///${encoded}`, index: 0 };
  return { uri: encoded.replace(/^(\.\/)+/, ''), uriBaseId: '%SRCROOT%', index: 0 };
}
