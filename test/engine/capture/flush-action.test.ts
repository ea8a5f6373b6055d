import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileIndex } from '../../../engine/capture/file-index';
import { flushAction, type FlushContext } from '../../../engine/capture/flush-action';
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
