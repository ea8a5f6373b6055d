import fs from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../messages/user-error';
import type { ChangeRecord } from '../replication/change-record';
import { ensureDirectories, errnoOf, fsyncDirectory, setTimesAndMode } from './durable-fs';
import { putFile, writeRanges } from './file-writes';
import { firstMissing, firstMissingParent, journalingFor, NOT_JOURNALED, type Journaling } from './journal/journaling';
import { itemBytes } from './journal/keep-area';
import type { RewindJournal } from './journal/rewind-journal';
import { lstatOrUndefined, resolveBelowRealRoot } from './path-guard';

/**
 * Applies change records to the Replica's target directories, one at a time, each atomic
 * where the file system allows it, idempotent, and fsync'd before `apply` resolves.
 *
 * Idempotence is what makes a crash safe: the Replica acknowledges a record only after
 * applying it, so after a restart at most the records since the last durable acknowledgement
 * are applied again, each onto the state it already produced.
 *
 * Known: writing a file inside a directory updates that directory's mtime after its `mkdir`
 * or `attrs` record set it; directory mtimes are not restored yet.
 */

export type ApplyOutcome = { kind: 'applied' } | { kind: 'already-applied' };

export interface ReplicaApplierOptions {
  /** Absolute target directory for each Master root index (see replicaTargetFor). */
  readonly targets: readonly string[];
  /** Where undos are written before each change; none: changes are not journaled. */
  readonly journal?: RewindJournal;
}

const APPLIED: ApplyOutcome = { kind: 'applied' };
const ALREADY_APPLIED: ApplyOutcome = { kind: 'already-applied' };

type Of<Op extends ChangeRecord['op']> = Extract<ChangeRecord, { op: Op }>;

export class ReplicaApplier {
  private readonly targets: readonly string[];
  private readonly journal: RewindJournal | undefined;
  private readonly realRoots = new Map<number, Promise<string>>();
  // Records must land in sequence; chaining keeps that true even if a caller forgets to await.
  private tail: Promise<unknown> = Promise.resolve();

  constructor(options: ReplicaApplierOptions) {
    for (const target of options.targets) {
      if (!path.isAbsolute(target)) throw new RangeError(`Replica target must be absolute: ${target}`);
    }
    // Normalized, so the durability walk in prepareTarget meets mkdir's own spelling of the path.
    this.targets = options.targets.map((target) => path.resolve(target));
    this.journal = options.journal;
  }

  /** `seq`: the record's Master sequence number (none for synchronization), so a replay reuses its journal entry. */
  apply(record: ChangeRecord, seq?: number): Promise<ApplyOutcome> {
    return this.exclusive(() => this.applyNow(record, seq));
  }

  /** Runs `work` between two records, never during one (snapshots pin, views read, rewinds run). */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /**
   * Puts a finished temporary file (block-level synchronization) in place of `relativePath`,
   * journaled like a whole-file record.
   */
  install(root: number, relativePath: string, temp: string): Promise<void> {
    return this.exclusive(async () => {
      const realRoot = await this.realRoot(root);
      const target = await resolveBelowRealRoot(realRoot, relativePath);
      const journaling = this.journalingFor({ root, seq: undefined, op: 'put', path: relativePath });
      const existing = await lstatOrUndefined(target);
      if (existing) await journaling.keep(journaling.note({ k: 'restore-kept', path: relativePath }, existing.size), target);
      else journaling.note({ k: 'remove-created', path: (await firstMissing(realRoot, relativePath)) ?? relativePath });
      await fs.rename(temp, target);
      await fsyncDirectory(path.dirname(target));
    });
  }

  /** The real (symlink-free) directory of root `index`. */
  targetOf(index: number): Promise<string> {
    return this.realRoot(index);
  }

  private journalingFor(identity: { root: number; seq: number | undefined; op: string; path: string }): Journaling {
    return this.journal ? journalingFor(this.journal, identity) : NOT_JOURNALED;
  }

  private async applyNow(record: ChangeRecord, seq: number | undefined): Promise<ApplyOutcome> {
    const realRoot = await this.realRoot(record.root);
    const shown = record.op === 'rename' ? `${record.from} → ${record.to}` : record.path;
    try {
      return await applyTo(realRoot, record, this.journalingFor({ root: record.root, seq, op: record.op, path: shown }));
    } catch (error) {
      throw asUserError(error, describe(record));
    }
  }

  /** The target is created on first use and resolved with realpath once; links above it are configuration. */
  private realRoot(index: number): Promise<string> {
    const known = this.realRoots.get(index);
    if (known !== undefined) return known;
    const target = this.targets[index];
    if (target === undefined) {
      return Promise.reject(new UserError('E1104', `root ${index}; this Replica has ${this.targets.length}`));
    }
    const resolving = prepareTarget(target);
    this.realRoots.set(index, resolving);
    resolving.catch(() => this.realRoots.delete(index)); // retry next time, e.g. after space was freed
    return resolving;
  }
}

async function prepareTarget(target: string): Promise<string> {
  try {
    const firstCreated = await fs.mkdir(target, { recursive: true });
    // Make every new level durable, from the target up to the first directory mkdir created.
    if (firstCreated !== undefined) {
      const stop = path.dirname(path.resolve(firstCreated));
      for (let dir = target; dir !== stop && dir !== path.dirname(dir); dir = path.dirname(dir)) {
        await fsyncDirectory(path.dirname(dir));
      }
    }
    return await fs.realpath(target);
  } catch (error) {
    // Whatever the errno (a file in the way, no permission, disk full), the target is unusable.
    throw new UserError('E1103', `${JSON.stringify(target)} (${errnoOf(error) ?? String(error)})`);
  }
}

async function applyTo(realRoot: string, record: ChangeRecord, journaling: Journaling): Promise<ApplyOutcome> {
  switch (record.op) {
    case 'mkdir':
      return makeDirectory(realRoot, record, journaling);
    case 'put':
      await putFile(realRoot, record, journaling);
      return APPLIED;
    case 'write':
      await writeRanges(realRoot, record, journaling);
      return APPLIED;
    case 'remove':
      return remove(realRoot, record, journaling);
    case 'rename':
      return rename(realRoot, record, journaling);
    case 'attrs':
      return setAttributes(realRoot, record, journaling);
  }
}

async function makeDirectory(realRoot: string, record: Of<'mkdir'>, journaling: Journaling): Promise<ApplyOutcome> {
  const target = await resolveBelowRealRoot(realRoot, record.path);
  const existing = await lstatOrUndefined(target);
  if (existing?.isDirectory()) {
    journaling.note({ k: 'attrs', path: record.path, mtimeMs: existing.mtimeMs, mode: existing.mode & 0o7777 });
  } else {
    const created = await firstMissing(realRoot, record.path);
    if (created !== undefined) journaling.note({ k: 'remove-created', path: created });
  }
  const directory = await ensureDirectories(realRoot, record.path.split('/'), record.path);
  await setTimesAndMode(directory, record.mtimeMs, record.mode);
  return APPLIED;
}

async function remove(realRoot: string, record: Of<'remove'>, journaling: Journaling): Promise<ApplyOutcome> {
  const target = await resolveBelowRealRoot(realRoot, record.path);
  if ((await lstatOrUndefined(target)) === undefined) return ALREADY_APPLIED;
  if (await journaling.keep(journaling.note({ k: 'restore-kept', path: record.path }, await itemBytes(target)), target)) return APPLIED;
  // rm removes links found inside the tree without following them.
  await fs.rm(target, { recursive: true, force: true });
  await fsyncDirectory(path.dirname(target));
  return APPLIED;
}

async function rename(realRoot: string, record: Of<'rename'>, journaling: Journaling): Promise<ApplyOutcome> {
  const from = await resolveBelowRealRoot(realRoot, record.from);
  const to = await resolveBelowRealRoot(realRoot, record.to);
  if ((await lstatOrUndefined(from)) === undefined) {
    // Moved already (a replay), or the Replica lost the item: only the first is fine.
    if ((await lstatOrUndefined(to)) !== undefined) return ALREADY_APPLIED;
    throw new UserError('E1102', `rename: neither ${JSON.stringify(record.from)} nor ${JSON.stringify(record.to)} exists`);
  }
  const replaced = await lstatOrUndefined(to);
  const created = await firstMissingParent(realRoot, record.to);
  const noted = journaling.note({ k: 'rename-back', from: record.from, to: record.to, toKept: replaced !== undefined, created }, replaced ? await itemBytes(to) : 0);
  if (replaced) await journaling.keep(noted, to);
  await ensureDirectories(realRoot, record.to.split('/').slice(0, -1), record.to);
  await fs.rename(from, to);
  await fsyncDirectory(path.dirname(to));
  if (path.dirname(from) !== path.dirname(to)) await fsyncDirectory(path.dirname(from));
  return APPLIED;
}

async function setAttributes(realRoot: string, record: Of<'attrs'>, journaling: Journaling): Promise<ApplyOutcome> {
  const target = await resolveBelowRealRoot(realRoot, record.path);
  const existing = await lstatOrUndefined(target);
  if (existing === undefined) {
    throw new UserError('E1102', `attrs: ${JSON.stringify(record.path)} does not exist on the Replica`);
  }
  journaling.note({ k: 'attrs', path: record.path, mtimeMs: existing.mtimeMs, mode: existing.mode & 0o7777 });
  await setTimesAndMode(target, record.mtimeMs, record.mode);
  return APPLIED;
}

/** File system failures a user can act on become catalogued errors; anything else stays as is (E1099 upstream). */
function asUserError(error: unknown, where: string): unknown {
  if (error instanceof UserError) return error;
  const code = errnoOf(error);
  switch (code) {
    case 'ELOOP':
      return new UserError('E1101', `${where}: a symbolic link appeared in the path (${code})`);
    case 'ENOTDIR':
    case 'EISDIR':
    case 'ENOTEMPTY':
    case 'EEXIST':
      return new UserError('E1102', `${where} (${code})`);
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new UserError('E1103', `${where} (${code})`);
    default:
      return error;
  }
}

function describe(record: ChangeRecord): string {
  const paths = record.op === 'rename' ? `${record.from} → ${record.to}` : record.path;
  return `${record.op} ${JSON.stringify(paths)} in root ${record.root}`;
}
