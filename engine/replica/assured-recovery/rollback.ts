import fs from 'node:fs/promises';
import path from 'node:path';
import { DeferredSyncs, fsyncDirectory, withDeferredSyncs } from '../durable-fs';
import { firstMissing, journalingFor, NOT_JOURNALED, type Journaling } from '../journal/journaling';
import { itemBytes } from '../journal/keep-area';
import type { RewindJournal } from '../journal/rewind-journal';
import { isTempFileName, newTempFileName } from '../temp-files';
import { baselineRoot, describeStats, unchanged, type Manifest } from './baseline';

export interface RollbackCounts {
  restored: number;
  removed: number;
}

/**
 * Returns each Replica root to its baseline: items the test added are removed, files it
 * changed or deleted are copied back from the baseline, folders it deleted are re-created.
 * Every step goes through the rewind journal like a replicated change, so snapshots and
 * rewind points stay exact. Unchanged files are not touched.
 */
export async function rollBack(realRoots: readonly string[], baseDir: string, manifest: Manifest, journal: RewindJournal | undefined): Promise<RollbackCounts> {
  const counts = { restored: 0, removed: 0 };
  const syncs = new DeferredSyncs();
  await withDeferredSyncs(syncs, async () => {
    for (const [root, realRoot] of realRoots.entries()) {
      const items = manifest[root] ?? {};
      const journalingOf = (relative: string): Journaling =>
        journal ? journalingFor(journal, { root, seq: undefined, op: 'test rollback', path: relative }) : NOT_JOURNALED;
      const step = { realRoot, base: baselineRoot(baseDir, root), items, journalingOf, counts };
      await removeAdded(step, '');
      await restoreMissing(step);
    }
  });
  journal?.checkpoint();
  await syncs.flush();
  return counts;
}

interface Step {
  realRoot: string;
  base: string;
  items: Manifest[number];
  journalingOf(relative: string): Journaling;
  counts: RollbackCounts;
}

function absolute(realRoot: string, relative: string): string {
  return relative === '' ? realRoot : path.join(realRoot, ...relative.split('/'));
}

async function removeAdded(step: Step, directory: string): Promise<void> {
  for (const name of await fs.readdir(absolute(step.realRoot, directory))) {
    if (isTempFileName(name)) continue;
    const relative = directory === '' ? name : `${directory}/${name}`;
    const live = absolute(step.realRoot, relative);
    const stats = await fs.lstat(live);
    const before = step.items[relative];
    const now = describeStats(stats);
    if (!before || before.kind !== now.kind || !(stats.isFile() || stats.isDirectory())) {
      const journaling = step.journalingOf(relative);
      const noted = journaling.note({ k: 'restore-kept', path: relative }, await itemBytes(live));
      if (!(await journaling.keep(noted, live))) await fs.rm(live, { recursive: true, force: true });
      await fsyncDirectory(path.dirname(live));
      step.counts.removed += 1;
    } else if (now.kind === 'directory') {
      await removeAdded(step, relative);
    } else if (!unchanged(before, now)) {
      await restoreFile(step, relative, true);
    }
  }
}

async function restoreMissing(step: Step): Promise<void> {
  for (const relative of Object.keys(step.items).sort()) {
    if (relative === '') continue;
    const item = step.items[relative];
    const live = absolute(step.realRoot, relative);
    if (!item || (await fs.lstat(live).catch(() => undefined))) continue;
    if (item.kind === 'directory') {
      step.journalingOf(relative).note({ k: 'remove-created', path: (await firstMissing(step.realRoot, relative)) ?? relative });
      await fs.mkdir(live, { mode: item.mode });
      await fsyncDirectory(path.dirname(live));
      step.counts.restored += 1;
    } else {
      await restoreFile(step, relative, false);
    }
  }
}

async function restoreFile(step: Step, relative: string, exists: boolean): Promise<void> {
  const live = absolute(step.realRoot, relative);
  const item = step.items[relative];
  if (!item) return;
  const temp = path.join(path.dirname(live), newTempFileName());
  await fs.copyFile(absolute(step.base, relative), temp, fs.constants.COPYFILE_FICLONE);
  await fs.utimes(temp, item.mtimeMs / 1000, item.mtimeMs / 1000);
  await fs.chmod(temp, item.mode);
  const journaling = step.journalingOf(relative);
  if (exists) await journaling.keep(journaling.note({ k: 'restore-kept', path: relative }, (await fs.lstat(live)).size), live);
  else journaling.note({ k: 'remove-created', path: (await firstMissing(step.realRoot, relative)) ?? relative });
  await fs.rename(temp, live);
  await fsyncDirectory(path.dirname(live));
  step.counts.restored += 1;
}
