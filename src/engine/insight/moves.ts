// The changes the plan may make (DESIGN section 3, "The plan, as an architect would draw
// it"), as data: each kind of move is one object in MOVE_KINDS with `candidates` (the
// moves of that kind the design admits now), `apply` (the new, valid document),
// `describe` and `potential`; the search never knows what a move does inside. Moves are
// deterministic (new ids and names derive from existing ones), so a list of moves
// replays exactly.
import { instanceCount, instancesOf, MAX_COMPONENTS, MAX_DOMAINS, MAX_INSTANCES, MAX_LINKS, MAX_REPLICAS, replicasOf, type Topology } from '../../model';
import { addInstance } from './moveKinds/addInstance';
import { addStandby } from './moveKinds/addStandby';
import { hotStandby } from './moveKinds/hotStandby';
import { managedPreset } from './moveKinds/managedPreset';
import { moveToZone } from './moveKinds/moveToZone';
import { secondLoadBalancer } from './moveKinds/secondLoadBalancer';
import { secondProvider } from './moveKinds/secondProvider';
import { secondRegion } from './moveKinds/secondRegion';
import { spreadZones } from './moveKinds/spreadZones';
import { moveContext, type MoveContext } from './moveContext';
import type { Phantom } from './planScore';
import { memo } from './structure';

export type ComponentMoveType = 'add-instance' | 'spread-zones' | 'move-to-zone' | 'hot-standby' | 'add-standby' | 'second-load-balancer' | 'second-provider';

export type Move =
  | { type: ComponentMoveType; component: string }
  /** A managed multi-AZ service of the preset table (src/model/presets.ts), by its preset id. */
  | { type: 'managed-preset'; component: string; preset: string }
  /** A copy of the whole serving path of a region into a second region. */
  | { type: 'second-region'; region: string };

export type MoveType = Move['type'];

/** What applying a move gives: the new document and what it added, each new element with the one it copies or stands beside. */
export interface Applied {
  doc: Topology;
  added: { id: string; twin?: string }[];
  /** Instances the move pays for that the document does not show (a managed Multi-AZ standby). */
  hiddenInstances?: number;
}

export interface MoveKind<M extends Move = Move> {
  type: M['type'];
  /** Every move of this kind that applies to the design as it is, in a stable order. */
  candidates(ctx: MoveContext): M[];
  apply(t: Topology, m: M): Applied;
  /** The move in words, against the document before it. */
  describe(before: Topology, m: M, applied: Applied): string;
  /**
   * The most the move could gain, from the elements it takes out of the way (their
   * improvement potential for the clients short of their targets): it ranks the
   * candidates before the exact recomputation; 0 means the move cannot help.
   */
  potential(ctx: MoveContext, m: M): number;
  /** The move takes a component out of the fate of its zone (weighed together for a zone that is a SPOF). */
  leavesZone?: boolean;
  /**
   * A local move, drawn into `t` with what it adds absent (planScore.ts): the document with
   * the move applied, and the elements it adds or changes, each at the availability that
   * gives `t`'s figures back (`availabilityOf`: an element's availability in `t`);
   * undefined when the move is not local there. Moves without it are recomputed whole.
   */
  phantom?(t: Topology, m: M, availabilityOf: (id: string) => number | undefined): Phantom | undefined;
}

/** Every kind of move, in the order their candidates are listed: lightest first. */
export const MOVE_KINDS: readonly MoveKind[] = [
  addInstance, spreadZones, moveToZone, hotStandby, addStandby, secondLoadBalancer, secondProvider, managedPreset, secondRegion,
] as MoveKind[];

const BY_TYPE = new Map(MOVE_KINDS.map((k) => [k.type, k]));

export function kindOf(m: Move): MoveKind {
  return BY_TYPE.get(m.type)!;
}

/** What a move acts on: its component, or its region. */
export function subjectOf(m: Move): string {
  return m.type === 'second-region' ? m.region : m.component;
}

export function moveKey(m: Move): string {
  return `${m.type}\u0000${subjectOf(m)}${m.type === 'managed-preset' ? `\u0000${m.preset}` : ''}`;
}

/** The candidates of every kind in a context (see moveContext.ts). */
export function candidatesIn(ctx: MoveContext): Move[] {
  return MOVE_KINDS.flatMap((k) => k.candidates(ctx));
}

/**
 * Every move that applies to the document. `budget` (1 − the strictest target) decides
 * whether a region blocks the target; without it no second region is offered.
 */
export function candidateMoves(t: Topology, opts: { budget?: number } = {}): Move[] {
  return candidatesIn(moveContext(t, { budget: opts.budget }));
}

export function applyMoveFully(t: Topology, m: Move): Applied {
  return kindOf(m).apply(t, m);
}

export function applyMove(t: Topology, m: Move): Topology {
  return applyMoveFully(t, m).doc;
}

export function applyMoves(t: Topology, moves: readonly Move[]): Topology {
  return moves.reduce(applyMove, t);
}

/** What the move does, in words, against the document before it. */
export function describeMove(t: Topology, m: Move, applied: Applied = applyMoveFully(t, m)): string {
  return kindOf(m).describe(t, m, applied);
}

/**
 * The move keeps the document within the limits every reader accepts (src/model/limits.ts):
 * a plan that grew a pool of 1,000 to 1,010 wrote, with `-o`, a document that Open and
 * `validate` refuse. Linear in the document, as applying the move is: only the components
 * the move replaced or added are counted again (moves replace in place and append).
 */
export function withinLimits(before: Topology, after: Topology): boolean {
  if (after.components.length > MAX_COMPONENTS || after.domains.length > MAX_DOMAINS || after.links.length > MAX_LINKS) return false;
  if (after.components.length < before.components.length) return instancesIn(after) <= MAX_INSTANCES && after.components.every((c) => replicasOf(c) <= MAX_REPLICAS);
  let instances = instancesIn(before);
  for (let i = 0; i < after.components.length; i++) {
    const c = after.components[i];
    const was = before.components[i];
    if (c === was) continue;
    if (replicasOf(c) > MAX_REPLICAS) return false;
    instances += instancesOf(c) - (was === undefined ? 0 : instancesOf(was));
  }
  return instances <= MAX_INSTANCES;
}

const instancesIn = (t: Topology) => memo(t, 'instances', () => instanceCount(t.components));
