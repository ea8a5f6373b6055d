import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syncDirectory, writeFileAtomic } from '../../../engine/util/atomic-file';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir';

afterEach(removeTempDirs);

const posix = process.platform !== 'win32';

describe('writeFileAtomic', () => {
  it('creates a missing file with the content', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'settings.json');
    await writeFileAtomic(file, '{"a":1}');
    expect(fs.readFileSync(file, 'utf8')).toBe('{"a":1}');
  });

  const contents: Array<[string, string | Uint8Array, Buffer]> = [
    ['a string', 'new content', Buffer.from('new content')],
    ['bytes', new Uint8Array([0, 1, 2, 255]), Buffer.from([0, 1, 2, 255])],
    ['an empty string', '', Buffer.alloc(0)],
    ['a shorter content', 'x', Buffer.from('x')],
  ];
  it.each(contents)('replaces an existing file with %s entirely', async (_name, content, expected) => {
    const dir = tempDir();
    const file = path.join(dir, 'data.bin');
    fs.writeFileSync(file, 'old content that is rather long');
    await writeFileAtomic(file, content);
    expect(fs.readFileSync(file)).toEqual(expected);
  });

  const modes: Array<[number | undefined, number]> = [
    [undefined, 0o644],
    [0o600, 0o600],
    [0o640, 0o640],
  ];
  it.skipIf(!posix).each(modes)('gives the file mode %o (expected %o), also when replacing a file with other bits', async (mode, expected) => {
    const dir = tempDir();
    const file = path.join(dir, 'secret');
    fs.writeFileSync(file, 'old', { mode: 0o666 });
    fs.chmodSync(file, 0o666);
    await (mode === undefined ? writeFileAtomic(file, 'new') : writeFileAtomic(file, 'new', mode));
    expect(fs.statSync(file).mode & 0o777).toBe(expected);

    const fresh = path.join(dir, 'fresh');
    await (mode === undefined ? writeFileAtomic(fresh, 'new') : writeFileAtomic(fresh, 'new', mode));
    expect(fs.statSync(fresh).mode & 0o777).toBe(expected);
  });

  it('leaves no temporary file beside the target after many writes', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'state.json');
    for (let round = 0; round < 5; round += 1) await writeFileAtomic(file, `round ${round}`);
    expect(fs.readdirSync(dir)).toEqual(['state.json']);
    expect(fs.readFileSync(file, 'utf8')).toBe('round 4');
  });

  it('concurrent writes leave exactly one of the contents, whole, and no temporary file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'state.json');
    const candidates = Array.from({ length: 8 }, (_unused, n) => `writer ${n} `.repeat(1000 + n));
    await Promise.all(candidates.map((content) => writeFileAtomic(file, content)));
    expect(candidates).toContain(fs.readFileSync(file, 'utf8'));
    expect(fs.readdirSync(dir)).toEqual(['state.json']);
  });

  it('a replace that fails (the target is a non-empty folder) rejects and leaves no temporary file', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'occupied');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'inside.txt'), 'x');
    await expect(writeFileAtomic(target, 'content')).rejects.toThrow();
    expect(fs.readdirSync(dir)).toEqual(['occupied']);
    expect(fs.readdirSync(target)).toEqual(['inside.txt']);
  });

  it('fails when the folder does not exist, creating nothing', async () => {
    const dir = tempDir();
    await expect(writeFileAtomic(path.join(dir, 'missing', 'file'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('syncDirectory', () => {
  it('succeeds on a real folder and leaves its content alone', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.txt'), 'a');
    await expect(syncDirectory(dir)).resolves.toBeUndefined();
    expect(fs.readdirSync(dir)).toEqual(['a.txt']);
  });

  it('reports a missing folder instead of pretending it synced', async () => {
    const dir = tempDir();
    await expect(syncDirectory(path.join(dir, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
