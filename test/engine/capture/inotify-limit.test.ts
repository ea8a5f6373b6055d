import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCapture } from '../../../engine/capture/capture';
import { CaptureError } from '../../../engine/capture/capture-error';
import { FileIndex } from '../../../engine/capture/file-index';
import { countWatchTargets } from '../../../engine/capture/inotify-limit';
import { isEngineTempName, RootWatcher } from '../../../engine/capture/root-watcher';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir';

afterEach(() => removeTempDirs());

/** 1 root + 4 folders + 10 files, plus engine temp files that are not watched. */
function makeTree(): string {
  const root = tempDir();
  for (const folder of ['a', 'a/b', 'c', 'c/d']) mkdirSync(path.join(root, folder));
  for (let i = 0; i < 10; i += 1) writeFileSync(path.join(root, i % 2 ? 'a/b' : 'c', `f${i}`), 'x');
  mkdirSync(path.join(root, '.understudy-tmp-dir'));
  writeFileSync(path.join(root, '.understudy-tmp-dir', 'inside'), 'x');
  writeFileSync(path.join(root, 'a', '.understudy-tmp-123'), 'x');
  return root;
}

describe('inotify watch budget', () => {
  it('counts every folder and file a root needs watched, skipping engine temp files', async () => {
    expect(await countWatchTargets(makeTree(), isEngineTempName)).toEqual({ directories: 5, files: 10 });
  });

  it('refuses to watch a root that needs more watches (one per folder) than the limit, saying how many and how to raise it', async () => {
    const root = makeTree();
    const failure = RootWatcher.start({ root, onEvent: () => undefined, onError: () => undefined, inotifyLimit: 4, watchesInUse: 0 });
    await expect(failure).rejects.toBeInstanceOf(CaptureError);
    await expect(failure).rejects.toMatchObject({ code: 'E1401' });
    await expect(failure).rejects.toThrow(/needs 5 inotify watches \(5 folders, one watch each\).*max_user_watches is 4.*sysctl fs\.inotify\.max_user_watches=\d+/);
  });

  it('makes capture fail to become ready when its roots together exceed the limit', async () => {
    const index = FileIndex.open(path.join(tempDir(), 'index.db'));
    const capture = startCapture({
      roots: [makeTree(), makeTree()],
      index,
      inotifyLimit: 8,
      flush: async () => undefined,
      onError: () => undefined,
    });
    await expect(capture.ready).rejects.toThrow(/needs 10 inotify watches.*plus 5 for the roots already watched/);
    await capture.stop();
    index.close();
  });

  it('watches a root that fits', async () => {
    const watcher = await RootWatcher.start({ root: makeTree(), onEvent: () => undefined, onError: () => undefined, inotifyLimit: 5 });
    expect(watcher.watchesNeeded).toBe(5);
    await watcher.close();
  });

  it('fails clearly when the root is not a directory', async () => {
    const missing = path.join(tempDir(), 'missing');
    await expect(RootWatcher.start({ root: missing, onEvent: () => undefined, onError: () => undefined })).rejects.toMatchObject({ code: 'E1404' });
  });
});
