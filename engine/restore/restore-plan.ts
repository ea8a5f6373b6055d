import { archivePathOf } from '../backup/archive/format';
import type { RegisteredScenario } from '../backup/catalog/registration';
import { UserError } from '../messages/user-error';
import { replicaTargetFor } from '../replica/path-guard';
import { DEFAULT_ENGINE_PORT } from '../scenario/model';
import type { RestoreDestination, RestoreSpec } from './restore-model';

/** A session as the plan needs it (from the catalog). */
export interface PlanSession {
  readonly number: number;
  readonly scenarioId: string;
  readonly masterHost: string;
}

/** Where one restored entry lands: a folder on the destination host and a '/'-separated path below it. */
export interface Placement {
  readonly root: string;
  readonly relative: string;
}

export interface RestorePlan {
  readonly host: string;
  readonly port: number;
  /** Per session, the session paths selected: '' selects the whole session; 'a/b' selects a/b and everything below it. */
  readonly sessions: ReadonlyMap<number, readonly string[]>;
  /** Where a session entry (its path inside the session) goes, or undefined when no selection covers it. */
  place(sessionNumber: number, archivePath: string): Placement | undefined;
  /** Where each selected item lands (what "send to Master" copies back and the job reports). */
  readonly targets: readonly { root: string; paths: string[] }[];
}

/**
 * Turns a restore request into what the restore run does, as pure decisions: which sessions
 * to read, which of their entries are selected, and where each goes. Original location: the
 * Master's own paths, or the same paths under a Replica's target (as replication lays them
 * out); alternate: the Master tree below the chosen folder, as `tar -x` of the session would.
 */
export function planRestore(spec: RestoreSpec, scenario: RegisteredScenario, sessions: ReadonlyMap<number, PlanSession>): RestorePlan {
  const selected = new Map<number, string[]>();
  for (const item of spec.items) {
    const session = sessions.get(item.session);
    if (!session) throw new UserError('E3382', `session ${item.session} is not a complete session in the catalog`);
    if (session.scenarioId !== scenario.id) throw new UserError('E3382', `session ${item.session} belongs to another scenario than "${scenario.name}"`);
    if (item.path !== null && scenario.type !== 'FileServer') {
      throw new UserError('E3382', `"${scenario.name}" is a ${scenario.type} scenario: it restores only as a whole, not ${item.path}`);
    }
    const selector = item.path === null ? '' : sessionPathOf(item.path);
    const list = selected.get(item.session) ?? [];
    if (!list.includes(selector)) list.push(selector);
    selected.set(item.session, list);
  }
  const destination = resolveDestination(spec.destination, scenario);
  const rootsBySessionPath = scenario.master.roots.map((root) => ({ root, prefix: archivePathOf(root) })).sort((a, b) => b.prefix.length - a.prefix.length);

  const placeSelected = (archivePath: string): Placement | undefined => {
    if (destination.kind === 'alternate') return { root: destination.folder, relative: archivePath };
    const owner = rootsBySessionPath.find(({ prefix }) => isAtOrBelow(archivePath, prefix));
    if (!owner) return undefined;
    return { root: destination.rootFor(owner.root), relative: archivePath.slice(owner.prefix.length + 1) };
  };
  const place = (sessionNumber: number, archivePath: string): Placement | undefined => {
    const selectors = selected.get(sessionNumber);
    if (!selectors?.some((selector) => selector === '' || isAtOrBelow(archivePath, selector))) return undefined;
    const placement = placeSelected(archivePath);
    return placement && placement.relative !== '' ? placement : undefined;
  };

  const targets = new Map<string, Set<string>>();
  const addTarget = (placement: Placement | undefined): void => {
    if (!placement) return;
    const paths = targets.get(placement.root) ?? new Set<string>();
    paths.add(placement.relative);
    targets.set(placement.root, paths);
  };
  for (const selectors of selected.values()) {
    for (const selector of selectors) {
      if (selector !== '') addTarget(placeSelected(selector));
      else for (const { prefix } of rootsBySessionPath) addTarget(placeSelected(prefix));
    }
  }
  return {
    host: destination.host,
    port: destination.port,
    sessions: selected,
    place,
    targets: [...targets].map(([root, paths]) => ({ root, paths: [...paths].sort() })),
  };
}

type ResolvedDestination =
  | { kind: 'original'; host: string; port: number; rootFor(masterRoot: string): string }
  | { kind: 'alternate'; host: string; port: number; folder: string };

function resolveDestination(destination: RestoreDestination, scenario: RegisteredScenario): ResolvedDestination {
  if (destination.kind === 'alternate') {
    if (!isAbsoluteOnAnyHost(destination.folder)) throw new UserError('E3383', `"${destination.folder}" is not an absolute folder path`);
    return { kind: 'alternate', host: destination.host, port: DEFAULT_ENGINE_PORT, folder: destination.folder };
  }
  if (destination.to === 'master') return { kind: 'original', host: scenario.master.host, port: scenario.master.port, rootFor: (root) => root };
  const replica = destinationReplica(destination, scenario);
  return { kind: 'original', host: replica.host, port: replica.port, rootFor: (root) => replicaTargetFor(replica.target, root) };
}

/** The Replica an original-location restore writes to: the one chosen, else the first (E3383 when there is none). */
export function destinationReplica(destination: { replicaId?: string | undefined }, scenario: RegisteredScenario): RegisteredScenario['replicas'][number] {
  const replica = destination.replicaId === undefined ? scenario.replicas[0] : scenario.replicas.find((candidate) => candidate.id === destination.replicaId);
  if (replica) return replica;
  if (scenario.source === 'folder') throw new UserError('E3383', `"${scenario.name}" is a folder source: restore it to its folder (original location, Master) or to another folder`);
  throw new UserError('E3383', `"${scenario.name}" has no Replica ${destination.replicaId ?? ''}`.trim());
}

/** A Master path as the session names it (format.ts); '' never: a Master path always has a name below its root. */
function sessionPathOf(masterPath: string): string {
  try {
    return archivePathOf(masterPath);
  } catch {
    throw new UserError('E3382', `${JSON.stringify(masterPath)} is not an absolute Master path`);
  }
}

function isAtOrBelow(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

function isAbsoluteOnAnyHost(folder: string): boolean {
  return folder.startsWith('/') || /^[A-Za-z]:[\\/]/.test(folder) || folder.startsWith('\\\\');
}
