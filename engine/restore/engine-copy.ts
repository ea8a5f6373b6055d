import { z } from 'zod';
import type { EngineClient } from '../manager/engine-clients';
import { MAX_RESTORE_CHUNK } from './destination/restore-target-service';
import { RestoreTargetClient } from './restore-target-client';
import { readInPieces } from '../util/read-in-pieces';

export interface CopyTotals {
  files: number;
  directories: number;
  bytes: number;
}

interface Side {
  readonly engine: EngineClient;
  readonly root: string;
}

const EntrySchema = z.object({ name: z.string().min(1), kind: z.enum(['file', 'directory']), size: z.number().int().min(0), mtimeMs: z.number(), mode: z.number().int() });
type Entry = z.infer<typeof EntrySchema>;
const PageSchema = z.object({ entries: z.array(EntrySchema), more: z.boolean() });
const ChunkSchema = z.object({ data: z.custom<Uint8Array>((value) => value instanceof Uint8Array) });
const PAGE = 1000;

/**
 * Copies folders and files (paths '/'-separated below `from.root`) from one engine's host to
 * another's (below `to.root`), with their timestamps: "send to Master" after a restore to a
 * Replica. The receiving side writes as a restore does: nothing is in place until all arrived.
 */
export async function copyBetweenEngines(from: Side, to: Side, paths: readonly string[]): Promise<CopyTotals> {
  const target = await RestoreTargetClient.begin(to.engine, to.root, 'in-place');
  const totals: CopyTotals = { files: 0, directories: 0, bytes: 0 };
  try {
    for (const relative of paths) {
      if (relative === '') {
        // The whole folder (a whole session's root): everything in it.
        for await (const child of listAll(from, '')) await copyEntry(from, target, child.name, child, totals);
        continue;
      }
      const entry = await entryAt(from, relative);
      if (entry) await copyEntry(from, target, relative, entry, totals);
    }
    await target.commit('');
    return totals;
  } catch (error) {
    await target.abort();
    throw error;
  }
}

async function copyEntry(from: Side, target: RestoreTargetClient, relative: string, entry: Entry, totals: CopyTotals): Promise<void> {
  const stat = { mtimeMs: entry.mtimeMs, mode: entry.mode };
  if (entry.kind === 'file') {
    await target.file(relative, entry.size, stat, readFile(from, relative, entry.size), undefined);
    totals.files += 1;
    totals.bytes += entry.size;
    return;
  }
  await target.directory(relative, stat);
  totals.directories += 1;
  for await (const child of listAll(from, relative)) await copyEntry(from, target, `${relative}/${child.name}`, child, totals);
}

async function entryAt(side: Side, relative: string): Promise<Entry | undefined> {
  const cut = relative.lastIndexOf('/');
  const parent = cut < 0 ? '' : relative.slice(0, cut);
  const name = relative.slice(cut + 1);
  for await (const entry of listAll(side, parent)) if (entry.name === name) return entry;
  return undefined;
}

async function* listAll(side: Side, relative: string): AsyncGenerator<Entry> {
  for (let after: string | undefined; ; ) {
    const page = PageSchema.parse(await side.engine.call('restore.host-list', { root: side.root, path: relative, limit: PAGE, ...(after === undefined ? {} : { after }) }));
    yield* page.entries;
    if (!page.more || page.entries.length === 0) return;
    after = page.entries[page.entries.length - 1]?.name;
  }
}

function readFile(side: Side, relative: string, size: number): AsyncGenerator<Buffer> {
  const readAt = async (offset: number, length: number): Promise<Uint8Array> =>
    ChunkSchema.parse(await side.engine.call('restore.host-read', { root: side.root, path: relative, offset, length })).data;
  return readInPieces(size, MAX_RESTORE_CHUNK, readAt, `${relative} (being sent)`);
}
