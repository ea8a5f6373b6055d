import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileIndex } from '../../../engine/capture/file-index';
import { flushAction, resendInterruptedFlushes, type FlushContext } from '../../../engine/capture/flush-action';
import type { CaptureAction } from '../../../engine/capture/actions';
import { reconcileWithIndex } from '../../../engine/replication/master-side/reconcile';
import { applyRecord, treeDifferences } from './helpers/mirror';
import type { ChangeRecord } from '../../../engine/replication/change-record';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir';

const indexes: FileIndex[] = [];
afterEach(() => {
  for (const index of indexes.splice(0)) index.close();
  removeTempDirs();
});

function setUp(): { root: string; index: FileIndex; records: ChangeRecord[]; context: FlushContext } {
  const root = tempDir();
  const index = FileIndex.open(path.join(tempDir(), 'index.db'));
  indexes.push(index);
  const records: ChangeRecord[] = [];
  return { root, index, records, context: { index, roots: [root], emit: async (record) => void records.push(record) } };
}

describe('flushing a move', () => {
  it('sends a rename when the index holds the source (what the Replica was sent)', async () => {
    const { root, index, records, context } = setUp();
    fs.writeFileSync(path.join(root, 'a.txt'), 'hello');
    await flushAction(context, { type: 'changed', root: 0, path: 'a.txt', kind: 'file', full: true });
    fs.renameSync(path.join(root, 'a.txt'), path.join(root, 'b.txt'));
    records.length = 0;
    await flushAction(context, { type: 'renamed', root: 0, from: 'a.txt', to: 'b.txt', kind: 'file' });
    expect(records.map((record) => record.op)).toEqual(['rename']);
    expect(index.get(0, 'b.txt')).toBeDefined();
  });

  it('sends the destination whole when a removal overtook the move (the Replica has no source to move)', async () => {
    const { root, index, records, context } = setUp();
    fs.writeFileSync(path.join(root, 'a.txt'), 'hello');
    await flushAction(context, { type: 'changed', root: 0, path: 'a.txt', kind: 'file', full: true });
    fs.renameSync(path.join(root, 'a.txt'), path.join(root, 'b.txt'));
    // A re-read of the tree saw a.txt gone before the move was flushed.
    await flushAction(context, { type: 'removed', root: 0, path: 'a.txt' });
    records.length = 0;
    await flushAction(context, { type: 'renamed', root: 0, from: 'a.txt', to: 'b.txt', kind: 'file' });
    expect(records.some((record) => record.op === 'rename'), 'no rename from a path the Replica no longer has').toBe(false);
    expect(records.map((record) => ('path' in record ? record.path : ''))).toContain('b.txt');
    expect(index.get(0, 'b.txt')).toMatchObject({ kind: 'file', size: 5 });
  });

  it('creates a moved folder whose source the Replica lacks, instead of renaming it', async () => {
    const { root, index, records, context } = setUp();
    fs.mkdirSync(path.join(root, 'new-name'));
    await flushAction(context, { type: 'renamed', root: 0, from: 'old-name', to: 'new-name', kind: 'directory' });
    expect(records.map((record) => record.op)).toEqual(['mkdir']);
    expect(index.get(0, 'new-name')).toMatchObject({ kind: 'directory' });
  });
});

describe('a flush cut short between the spool and the index', () => {
  /** Records reach the mirror (the spool was durable), then the engine "dies" before the index update. */
  function crashAfterSpool(root: string, mirror: string, index: FileIndex): FlushContext {
    return {
      index,
      roots: [root],
      emit: async (record) => {
        await applyRecord(mirror, record);
        throw new Error('killed after the record was spooled');
      },
    };
  }

  it.each([
    ['a new file, removed while the engine was down', (root: string) => fs.rmSync(path.join(root, 'a.txt'))],
    ['a new file, moved while the engine was down', (root: string) => fs.renameSync(path.join(root, 'a.txt'), path.join(root, 'b.txt'))],
  ])('%s: the next start sends what is really there', async (_name, whileDown) => {
    const { root, index } = setUp();
    const mirror = tempDir();
    fs.writeFileSync(path.join(root, 'a.txt'), 'hello');
    await expect(flushAction(crashAfterSpool(root, mirror, index), { type: 'changed', root: 0, path: 'a.txt', kind: 'file', full: true })).rejects.toThrow('killed');
    expect(fs.existsSync(path.join(mirror, 'a.txt')), 'the Replica got the file').toBe(true);
    expect(index.get(0, 'a.txt'), 'the index never heard of it').toBeUndefined();
    whileDown(root);

    const restarted: FlushContext = { index, roots: [root], emit: (record) => applyRecord(mirror, record) };
    const flush = (action: CaptureAction): Promise<unknown> => flushAction(restarted, action);
    expect(await resendInterruptedFlushes(index, flush)).toBe(1);
    await reconcileWithIndex(root, 0, '', index, flush);
    expect(await treeDifferences(root, mirror)).toEqual([]);
    expect(index.intents()).toEqual([]);
  });

  it('a move cut short: both ends are sent again from what is on disk', async () => {
    const { root, index, context } = setUp();
    const mirror = tempDir();
    fs.mkdirSync(path.join(root, 'd'));
    fs.writeFileSync(path.join(root, 'd', 'x.txt'), 'x');
    for (const action of [{ type: 'changed', root: 0, path: 'd', kind: 'directory', full: true }, { type: 'changed', root: 0, path: 'd/x.txt', kind: 'file', full: true }] as const) {
      await flushAction({ ...context, emit: (record) => applyRecord(mirror, record) }, action);
    }
    fs.renameSync(path.join(root, 'd'), path.join(root, 'e'));
    await expect(flushAction(crashAfterSpool(root, mirror, index), { type: 'renamed', root: 0, from: 'd', to: 'e', kind: 'directory' })).rejects.toThrow('killed');
    fs.renameSync(path.join(root, 'e'), path.join(root, 'f'));

    const restarted: FlushContext = { index, roots: [root], emit: (record) => applyRecord(mirror, record) };
    const flush = (action: CaptureAction): Promise<unknown> => flushAction(restarted, action);
    await resendInterruptedFlushes(index, flush);
    await reconcileWithIndex(root, 0, '', index, flush);
    expect(await treeDifferences(root, mirror)).toEqual([]);
  });
});
