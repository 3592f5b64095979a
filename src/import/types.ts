// The intermediate list every importer produces (STYLE.md, "Importers"): components, links
// and domains, each with the file and line it came from. One shared step (build.ts) turns
// it into a validated topology; the importers never build topology JSON themselves.
import type { ComponentKind, DomainKind, ReplicationMode, Role, StandbyTemperature } from '../model';
import type { ImportNote, ImportSource } from './notes';

export interface ImportedComponent {
  id: string;
  kind: ComponentKind;
  label?: string;
  source: ImportSource;
  replicas?: number;
  minHealthy?: number;
  role?: Role;
  standby?: StandbyTemperature;
  failoverSeconds?: number;
  /** Failure domains (ids of imported domains): one, or instances spread round-robin. */
  domains?: string[];
  /** A stated availability (a managed service's SLA) instead of the kind's preset. */
  availability?: { value: number; source: string };
  /**
   * An entry of the system (published ports, a public load balancer): gets a client in front
   * when nothing imported depends on it (DESIGN section 7, "Entries").
   */
  entry?: { source: ImportSource; reason: string };
  /**
   * Copies of one another (same image, same build context): a caller's links to members of
   * one copy set are alternatives, in one group named after the set.
   */
  copiesOf?: string;
  /**
   * A standby or replica that callers of `of` also reach (a Multi-AZ standby, an operator's
   * replicas): every dependency on `of` gets a twin to this component.
   */
  alternativeTo?: string;
}

export interface ImportedLink {
  from: string;
  to: string;
  source: ImportSource;
  /** Plain words for the note: `from depends_on`, `DB_HOST=db`. */
  reason: string;
  type?: 'dependency' | 'replication';
  mode?: ReplicationMode;
  lagSeconds?: number;
  optional?: boolean;
}

export interface ImportedDomain {
  id: string;
  kind: DomainKind;
  label?: string;
  parent?: string;
  source?: ImportSource;
}

/** What one importer read from one set of files. */
export interface ImportedSystem {
  /** The design's name (a compose project, a folder). */
  name?: string;
  components: ImportedComponent[];
  links: ImportedLink[];
  domains: ImportedDomain[];
  notes: ImportNote[];
}

export function emptySystem(name?: string): ImportedSystem {
  return { name, components: [], links: [], domains: [], notes: [] };
}
