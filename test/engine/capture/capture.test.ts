import { randomBytes } from 'node:crypto';
import { appendFileSync, closeSync, mkdirSync, openSync, renameSync, rmSync, unlinkSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCapture, type Capture, type CaptureOptions } from '../../../engine/capture/capture';
import { FileIndex } from '../../../engine/capture/file-index';
import { flushAction, type FlushContext } from '../../../engine/capture/flush-action';
import { recordDataBytes, type ChangeRecord } from '../../../engine/replication/change-record';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir';
import { applyRecord, treeDifferences } from './helpers/mirror';
import { waitFor } from './helpers/wait';

const running: { capture: Capture; index: FileIndex }[] = [];

afterEach(async () => {
  for (const { capture, index } of running.splice(0)) {
    await capture.stop();
    index.close();
  }
  removeTempDirs();
});

/** Real chokidar on a temp source; records applied to a mirror by the test's tiny applier. */
async function startReplicating(options: Partial<CaptureOptions> = {}) {
  const source = tempDir('understudy-source-');
  const mirror = tempDir('understudy-mirror-');
  const index = FileIndex.open(path.join(tempDir(), 'index.db'));
  const records: ChangeRecord[] = [];
  const errors: unknown[] = [];
  const context: FlushContext = {
    index,
    roots: [source],
    emit: async (record) => {
      records.push(record);
      await applyRecord(mirror, record);
    },
  };
  const capture = startCapture({
    roots: [source],
    index,
    flush: (action) => flushAction(context, action),
    onError: (error) => errors.push(error),
    verifyQuietMs: 200,
    ...options,
  });
  running.push({ capture, index });
  await capture.ready;
  const at = (relPath: string): string => path.join(source, ...relPath.split('/'));
  /** Waits until the mirror equals the source and capture has nothing left to do; returns the records of the step. */
  const step = async (change: () => void): Promise<ChangeRecord[]> => {
    const mark = records.length;
    change();
    let differences: string[] = [];
    await waitFor(
      async () => {
        differences = await treeDifferences(source, mirror);
        return differences.length === 0 && capture.pending().deciding + capture.pending().dispatching === 0;
      },
      10_000,
      () => `the mirror to equal the source: ${differences.join('; ')}`,
    );
    await capture.idle({ includeVerifications: true });
    expect(await treeDifferences(source, mirror)).toEqual([]);
    return records.slice(mark);
  };
  return { source, mirror, at, step, records, errors };
}

describe('capture end to end (chokidar → records → mirror)', () => {
  it('replicates creates, in-place edits, renames and deletes so the mirror equals the source byte for byte', async () => {
    const { at, step, errors } = await startReplicating();
    const big = randomBytes(6 * 1024 * 1024);

    const created = await step(() => {
      mkdirSync(at('docs/sub'), { recursive: true });
      writeFileSync(at('docs/a.txt'), 'first file');
      writeFileSync(at('docs/sub/b.txt'), 'second file');
      writeFileSync(at('docs/big.bin'), big);
    });
    expect(created.filter((record) => record.op === 'mkdir').map((record) => 'path' in record && record.path)).toEqual(['docs', 'docs/sub']);

    const edited = await step(() => {
      const fd = openSync(at('docs/big.bin'), 'r+');
      writeSync(fd, Buffer.from('abc'), 0, 3, 1_000_000);
      closeSync(fd);
    });
    expect(edited.every((record) => record.op === 'write' && record.path === 'docs/big.bin')).toBe(true);
    expect(edited.reduce((sum, record) => sum + recordDataBytes(record), 0)).toBeLessThanOrEqual(64 * 1024);

    const renamedFile = await step(() => renameSync(at('docs/a.txt'), at('docs/c.txt')));
    expect(renamedFile).toEqual([{ op: 'rename', root: 0, from: 'docs/a.txt', to: 'docs/c.txt' }]);

    const renamedFolder = await step(() => renameSync(at('docs'), at('archive')));
    expect(renamedFolder).toEqual([{ op: 'rename', root: 0, from: 'docs', to: 'archive' }]);

    const deleted = await step(() => unlinkSync(at('archive/c.txt')));
    expect(deleted).toEqual([{ op: 'remove', root: 0, path: 'archive/c.txt' }]);

    const replaced = await step(() => {
      writeFileSync(at('archive/sub/b.txt.new'), 'saved atomically');
      renameSync(at('archive/sub/b.txt.new'), at('archive/sub/b.txt'));
    });
    expect(replaced.some((record) => record.op === 'remove' && record.path === 'archive/sub/b.txt')).toBe(false);

    const removedTree = await step(() => rmSync(at('archive'), { recursive: true }));
    expect(removedTree.every((record) => record.op === 'remove')).toBe(true);
    expect(removedTree).toContainEqual({ op: 'remove', root: 0, path: 'archive' });
    expect(errors).toEqual([]);
  });

  it('moves a folder of 200 files as exactly one rename record and no per-file records', async () => {
    const { at, step, errors } = await startReplicating();
    await step(() => {
      mkdirSync(at('projects/alpha/assets'), { recursive: true });
      for (let i = 0; i < 200; i += 1) writeFileSync(at(`projects/alpha/${i % 4 === 0 ? 'assets/' : ''}file-${i}.dat`), randomBytes(2048));
    });
    const moved = await step(() => renameSync(at('projects/alpha'), at('alpha-final')));
    expect(moved).toEqual([{ op: 'rename', root: 0, from: 'projects/alpha', to: 'alpha-final' }]);
    expect(errors).toEqual([]);
  });

  it('converges on a log that is appended to while an earlier byte changes (append fast path, then verification)', async () => {
    const { at, step, errors } = await startReplicating();
    await step(() => writeFileSync(at('app.log'), randomBytes(300_000)));
    const changes = await step(() => {
      const fd = openSync(at('app.log'), 'r+');
      writeSync(fd, Buffer.from('X'), 0, 1, 10);
      closeSync(fd);
      appendFileSync(at('app.log'), 'a new line\n');
    });
    // The verification found the in-place change the append fast path could not see.
    expect(changes.some((record) => record.op === 'write' && record.ranges.some((range) => range.offset === 0))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('a file replaced by a rename over it keeps its new content when a new file then gets the replaced one\'s inode', async () => {
    const { at, step, source } = await startReplicating();
    await step(() => {
      mkdirSync(at('docs'));
      writeFileSync(at('docs/a.txt'), 'alpha as first written');
      writeFileSync(at('docs/b.txt'), 'bravo');
    });
    const outside = tempDir('understudy-outside-');
    const place = (name: string, content: string, mtime: number): void => {
      const staged = path.join(outside, name);
      writeFileSync(staged, content);
      utimesSync(staged, mtime, mtime);
      renameSync(staged, path.join(source, 'docs', name));
    };
    for (let round = 0; round < 5; round += 1) {
      await step(() => {
        place('a.txt', `alpha replaced ${round}`, 1_700_000_000 + round);
        unlinkSync(at('docs/b.txt'));
        // Created after a.txt's old inode was freed: file systems hand it out again.
        place(`new-${round}.txt`, `new file ${round}`, 1_700_000_100 + round);
        writeFileSync(at('docs/b.txt'), `bravo again ${round}`);
      });
    }
  });
});
