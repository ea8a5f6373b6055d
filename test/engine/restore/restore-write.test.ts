import { createHash, randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { undoUnfinishedRestores } from '../../../engine/restore/destination/restore-journal';
import { RestoreWrite, TMP_SUFFIX } from '../../../engine/restore/destination/restore-write';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir';

afterEach(removeTempDirs);

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
const MTIME = Date.parse('2025-03-01T10:20:30.000Z');

async function begin(root: string, journalDir: string, mode: 'in-place' | 'beside' = 'in-place'): Promise<RestoreWrite> {
  return RestoreWrite.begin({ root, mode, restoreId: randomUUID(), journalDir });
}

async function putFile(write: RestoreWrite, relative: string, data: Buffer, digest = sha256(data)): Promise<void> {
  const id = await write.openFile(relative, data.length, { mtimeMs: MTIME, mode: 0o640 });
  await write.write(id, data);
  await write.closeFile(id, digest);
}

/** Every path below `root` (temporary files included) with its content. */
function listing(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string, prefix: string): void => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const relative = prefix ? `${prefix}/${name}` : name;
      if (fs.statSync(full).isDirectory()) {
        out[`${relative}/`] = '';
        walk(full, relative);
      } else out[relative] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(root, '');
  return out;
}

describe('restore destination writes', () => {
  it('puts nothing in place before commit, then every file with its content, mode and time', async () => {
    const root = tempDir();
    fs.writeFileSync(path.join(root, 'keep.txt'), 'old');
    const write = await begin(root, tempDir());
    await write.directory('finance', { mtimeMs: MTIME, mode: 0o750 });
    await putFile(write, 'finance/q1.csv', Buffer.from('a,b\n1,2\n'));
    await putFile(write, 'keep.txt', Buffer.from('restored'));
    expect(fs.readFileSync(path.join(root, 'keep.txt'), 'utf8')).toBe('old');
    expect(fs.existsSync(path.join(root, 'finance', 'q1.csv'))).toBe(false);

    const report = await write.commit();
    expect(report).toMatchObject({ files: 2, directories: 1, pending: [] });
    expect(listing(root)).toEqual({ 'finance/': '', 'finance/q1.csv': 'a,b\n1,2\n', 'keep.txt': 'restored' });
    const stats = fs.statSync(path.join(root, 'finance', 'q1.csv'));
    expect(stats.mtimeMs).toBe(MTIME);
    expect(stats.mode & 0o777).toBe(0o640);
    expect(fs.statSync(path.join(root, 'finance')).mtimeMs).toBe(MTIME);
  });

  it('abort leaves the destination exactly as it was: no temporary file, no created folder', async () => {
    const root = tempDir();
    fs.writeFileSync(path.join(root, 'keep.txt'), 'old');
    const before = listing(root);
    const write = await begin(path.join(root, 'new', 'deeper'), tempDir());
    await putFile(write, 'a/b/c.txt', Buffer.from('x'));
    await write.abort();
    expect(listing(root)).toEqual(before);
  });

  it('refuses a file whose bytes differ from the session checksum and keeps nothing of it', async () => {
    const root = tempDir();
    const write = await begin(root, tempDir());
    await expect(putFile(write, 'a.txt', Buffer.from('tampered'), sha256(Buffer.from('original')))).rejects.toMatchObject({ code: 'E3373' });
    await write.abort();
    expect(listing(root)).toEqual({});
  });

  it('never writes through a symbolic link or above its folder', async () => {
    const root = tempDir();
    const outside = tempDir();
    fs.symlinkSync(outside, path.join(root, 'link'));
    const write = await begin(root, tempDir());
    await expect(putFile(write, 'link/escape.txt', Buffer.from('x'))).rejects.toMatchObject({ code: 'E1101' });
    await expect(putFile(write, '../escape.txt', Buffer.from('x'))).rejects.toMatchObject({ code: 'E1101' });
    await write.abort();
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('restores names this host allows even where a Windows Replica would refuse them', async () => {
    const root = tempDir();
    const write = await begin(root, tempDir());
    await putFile(write, 'man/man3/Algorithm::Diff.3pm.gz', Buffer.from('perl'));
    await write.directory('maven-repo/org/apache/apache.', { mtimeMs: MTIME, mode: 0o755 });
    await write.commit();
    expect(fs.readFileSync(path.join(root, 'man', 'man3', 'Algorithm::Diff.3pm.gz'), 'utf8')).toBe('perl');
    expect(fs.statSync(path.join(root, 'maven-repo', 'org', 'apache', 'apache.')).isDirectory()).toBe(true);
  });

  it('writes many files into new folders at once without tripping over each other', async () => {
    const root = tempDir();
    const write = await begin(root, tempDir());
    const files = Array.from({ length: 200 }, (_, i) => [`d${i % 5}/sub/f${i}.txt`, Buffer.from(`file ${i}`)] as const);
    await Promise.all(files.map(([relative, data]) => write.wholeFile(relative, data, { mtimeMs: MTIME, mode: 0o644 }, sha256(data))));
    expect((await write.commit()).files).toBe(200);
    for (const [relative, data] of files) expect(fs.readFileSync(path.join(root, ...relative.split('/')))).toEqual(data);
  });

  it('beside a running application, a live file is left alone and the restored one waits as <name>.TMP', async () => {
    const root = tempDir();
    fs.writeFileSync(path.join(root, 'Payroll.mdf'), 'live');
    const write = await begin(root, tempDir(), 'beside');
    await putFile(write, 'Payroll.mdf', Buffer.from('restored'));
    await putFile(write, 'Payroll_log.ldf', Buffer.from('new log'));
    const report = await write.commit();
    expect(report.pending).toEqual([{ tmp: path.join(fs.realpathSync(root), `Payroll.mdf${TMP_SUFFIX}`), final: path.join(fs.realpathSync(root), 'Payroll.mdf') }]);
    expect(listing(root)).toEqual({ 'Payroll.mdf': 'live', [`Payroll.mdf${TMP_SUFFIX}`]: 'restored', 'Payroll_log.ldf': 'new log' });
  });

  it('a restore cut short by a killed engine is undone at the next start', async () => {
    const root = tempDir();
    const journalDir = tempDir();
    fs.writeFileSync(path.join(root, 'keep.txt'), 'old');
    const before = listing(root);
    const script = `
      const { RestoreWrite } = require(${JSON.stringify(path.resolve('dist/engine/restore/destination/restore-write.js'))});
      (async () => {
        const write = await RestoreWrite.begin({ root: ${JSON.stringify(root)}, mode: 'in-place', restoreId: '${randomUUID()}', journalDir: ${JSON.stringify(journalDir)} });
        const id = await write.openFile('deep/new/file.bin', 1 << 20, { mtimeMs: 0, mode: 0o644 });
        await write.write(id, Buffer.alloc(1 << 19));
        process.stdout.write('half\\n');
        setInterval(() => {}, 1000);
      })();`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(Object.keys(listing(root)).length).toBeGreaterThan(Object.keys(before).length);

    expect(await undoUnfinishedRestores(journalDir)).toBe(1);
    expect(listing(root)).toEqual(before);
    expect(fs.readdirSync(journalDir)).toEqual([]);
  });
});
