import type { EngineClient } from '../manager/engine-clients';
import { HostFolderClient, type HostFolderEntry } from './destination/host-folder-client';
import { RestoreTargetClient } from './restore-target-client';

export interface CopyTotals {
  files: number;
  directories: number;
  bytes: number;
}

interface Side {
  readonly engine: EngineClient;
  readonly root: string;
}

/**
 * Copies folders and files (paths '/'-separated below `from.root`) from one engine's host to
 * another's (below `to.root`), with their timestamps: "send to Master" after a restore to a
 * Replica. The receiving side writes as a restore does: nothing is in place until all arrived.
 */
export async function copyBetweenEngines(fromSide: Side, to: Side, paths: readonly string[]): Promise<CopyTotals> {
  const from = new HostFolderClient(fromSide.engine, fromSide.root);
  const target = await RestoreTargetClient.begin(to.engine, to.root, 'in-place');
  const totals: CopyTotals = { files: 0, directories: 0, bytes: 0 };
  try {
    for (const relative of paths) {
      if (relative === '') {
        // The whole folder (a whole session's root): everything in it.
        for await (const child of from.list('')) await copyEntry(from, target, child.name, child, totals);
        continue;
      }
      const entry = await from.entryAt(relative);
      if (entry) await copyEntry(from, target, relative, entry, totals);
    }
    await target.commit('');
    return totals;
  } catch (error) {
    await target.abort();
    throw error;
  }
}

async function copyEntry(from: HostFolderClient, target: RestoreTargetClient, relative: string, entry: HostFolderEntry, totals: CopyTotals): Promise<void> {
  const stat = { mtimeMs: entry.mtimeMs, mode: entry.mode };
  if (entry.kind === 'file') {
    await target.file(relative, entry.size, stat, from.read(relative, entry.size, `${relative} (being sent)`), undefined);
    totals.files += 1;
    totals.bytes += entry.size;
    return;
  }
  await target.directory(relative, stat);
  totals.directories += 1;
  for await (const child of from.list(relative)) await copyEntry(from, target, `${relative}/${child.name}`, child, totals);
}
