import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ReplicaApplier } from '../../../../engine/replica/applier';
import type { SnapshotRow } from '../../../../engine/replica/journal/journal-db';
import { RewindJournal, type JournalSettings } from '../../../../engine/replica/journal/rewind-journal';
import { SnapshotView } from '../../../../engine/replica/snapshot/snapshot-view';
import { tempDir } from '../../../helpers/temp-dir';

export const KEEP_EVERYTHING: JournalSettings = { enabled: true, retentionMs: 1e12, maxBytes: 1e15 };

/** A Replica target with a journaled applier on real folders. */
export async function journaledReplica(settings: JournalSettings = KEEP_EVERYTHING, now?: () => number) {
  const work = tempDir();
  const target = path.join(work, 'target');
  fs.mkdirSync(target);
  const journal = await RewindJournal.open(path.join(work, 'journal'), settings, now);
  const applier = new ReplicaApplier({ targets: [target], journal });
  const realTarget = fs.realpathSync(target);
  const viewOf = (snapshot: SnapshotRow): SnapshotView =>
    new SnapshotView({
      exclusive: (work) => applier.exclusive(work),
      position: () => journal.position(),
      bases: async () => [realTarget],
      entries: () => journal.viewEntries(snapshot),
      undoOf: (jseq) => journal.undoOf(jseq),
      keptPath: (jseq) => journal.keep.pathOf(jseq),
    });
  return { work, target, realTarget, journal, applier, viewOf, realRootOf: async () => realTarget };
}

/** The same description as treeState, read through a snapshot view. */
export async function viewState(view: SnapshotView, relative = '', state: Record<string, string> = {}): Promise<Record<string, string>> {
  for (const entry of (await view.list(0, relative)) ?? []) {
    const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.kind === 'directory') {
      state[child] = 'dir';
      await viewState(view, child, state);
    } else {
      const hash = createHash('sha256');
      for await (const chunk of view.read(0, child)) hash.update(chunk);
      state[child] = `file ${(entry.mode & 0o777).toString(8)} ${hash.digest('hex').slice(0, 16)}`;
    }
  }
  return state;
}

export function sortedKeys(state: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(state).sort(([a], [b]) => a.localeCompare(b)));
}

export { path };
