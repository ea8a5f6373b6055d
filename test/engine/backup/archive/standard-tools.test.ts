import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pack as tarPack } from 'tar-stream';
import { afterEach, describe, expect, it } from 'vitest';
import { RECOVERY_SCRIPT, RECOVERY_SCRIPT_NAME } from '../../../../engine/backup/archive/recovery-script';
import { tarHeaderOf } from '../../../../engine/backup/archive/tar-header';
import { removeTempDirs, tempDir } from '../../../helpers/temp-dir';
import { sampleTree, writeSession, type SampleEntry } from './session-fixture';

/**
 * README.md's "Backup sessions on disk" commands, run as printed there (each marked block is
 * read from the README) with GNU tar, gzip, sha256sum, python3 and node, on sessions written
 * by the writer.
 */
afterEach(removeTempDirs);

const README = fs.readFileSync(path.resolve(__dirname, '../../../../README.md'), 'utf8');
const PASSWORD = 'the session password'; // as the README's encrypted block has it

function readmeBlock(marker: string): string {
  const at = README.indexOf(`<!-- ${marker} -->`);
  if (at < 0) throw new Error(`README.md has no <!-- ${marker} --> block`);
  const match = /```\w*\n([\s\S]*?)```/.exec(README.slice(at));
  if (!match?.[1]) throw new Error(`no fenced block after <!-- ${marker} -->`);
  return match[1];
}

function run(script: string, cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('bash', ['-e', '-c', script], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function runOk(script: string, cwd: string): string {
  const result = run(script, cwd);
  if (result.status !== 0) throw new Error(`exit ${result.status}:\n${script}\n${result.stderr}`);
  return result.stdout;
}

/** Everything under `root`: path → kind, sha256 of content, permission bits, mtime in seconds. */
function snapshotOf(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string, prefix: string): void => {
    for (const name of fs.readdirSync(dir)) {
      const full = path.join(dir, name);
      const rel = prefix ? `${prefix}/${name}` : name;
      const stat = fs.statSync(full);
      const mtime = Math.floor(stat.mtimeMs / 1000);
      if (stat.isDirectory()) {
        out.set(rel, `dir ${(stat.mode & 0o777).toString(8)} ${mtime}`);
        walk(full, rel);
      } else {
        out.set(rel, `file ${(stat.mode & 0o777).toString(8)} ${mtime} ${createHash('sha256').update(fs.readFileSync(full)).digest('hex')}`);
      }
    }
  };
  walk(root, '');
  return out;
}

function expectedSnapshot(tree: SampleEntry[]): Map<string, string> {
  return new Map(
    tree.map((entry) => {
      const mtime = Math.floor(entry.mtimeMs / 1000);
      const mode = entry.mode.toString(8);
      return [entry.path, entry.kind === 'directory' ? `dir ${mode} ${mtime}` : `file ${mode} ${mtime} ${createHash('sha256').update(entry.content).digest('hex')}`];
    }),
  );
}

function withoutMetadataFiles(snapshot: Map<string, string>): Map<string, string> {
  const copy = new Map(snapshot);
  copy.delete('UNDERSTUDY-SESSION.json');
  copy.delete('UNDERSTUDY-MANIFEST.json');
  return copy;
}

// tar restores modes exactly only for root; anyone else gets them through their umask.
const asRoot = process.getuid?.() === 0;

describe('recovering a session with standard tools, as README.md says', () => {
  it('plain and gzip sessions list and extract identically with tar, and every file matches the manifest', async () => {
    const tree = sampleTree({ bigFileBytes: 5 * 1024 * 1024 });
    const expected = expectedSnapshot(tree);
    const listings: string[] = [];
    const extracted: Map<string, string>[] = [];
    for (const [name, compression, block] of [
      ['S00000042.tar', 'none', 'plain'],
      ['S00000042.tar.gz', 'gzip', 'gzip'],
    ] as const) {
      const dir = tempDir();
      const summary = await writeSession(dir, tree, { name, compression });
      const listing = runOk(`tar -tf ${name}`, dir).split('\n').filter(Boolean);
      expect(listing).toEqual(['UNDERSTUDY-SESSION.json', ...tree.map((entry) => (entry.kind === 'directory' ? `${entry.path}/` : entry.path)), 'UNDERSTUDY-MANIFEST.json']);
      listings.push(listing.join('\n'));
      runOk(readmeBlock(`recovery-test: ${block}`), dir);
      runOk(readmeBlock('recovery-test: check'), dir);
      const restored = snapshotOf(path.join(dir, 'restore'));
      if (asRoot) expect(withoutMetadataFiles(restored)).toEqual(expected);
      extracted.push(restored);
      expect(fs.readFileSync(path.join(dir, 'restore', 'UNDERSTUDY-MANIFEST.json')).equals(fs.readFileSync(summary.manifestFile))).toBe(true);
      const session = JSON.parse(fs.readFileSync(path.join(dir, 'restore', 'UNDERSTUDY-SESSION.json'), 'utf8')) as unknown;
      expect(session).toMatchObject({ format: 'understudy-session', formatVersion: 1, session: 42, masterHost: 'fs01.example.com', compression });
    }
    expect(listings[1]).toBe(listings[0]);
    expect(withoutMetadataFiles(extracted[1] ?? new Map())).toEqual(withoutMetadataFiles(extracted[0] ?? new Map()));
  });

  it('the README’s copy of understudy-decrypt.mjs is the one Understudy ships', () => {
    expect(readmeBlock('recovery-script')).toBe(RECOVERY_SCRIPT);
  });

  it('an encrypted session decrypts with the README’s script and extracts with gunzip and tar', async () => {
    const tree = sampleTree({ bigFileBytes: 5 * 1024 * 1024 });
    const dir = tempDir();
    const summary = await writeSession(dir, tree, { name: 'S00000042.tar.gz.enc', compression: 'gzip', encryption: { password: PASSWORD } });
    fs.writeFileSync(path.join(dir, RECOVERY_SCRIPT_NAME), readmeBlock('recovery-script'));
    runOk(readmeBlock('recovery-test: encrypted'), dir);
    runOk(readmeBlock('recovery-test: check'), dir);
    if (asRoot) expect(withoutMetadataFiles(snapshotOf(path.join(dir, 'restore')))).toEqual(expectedSnapshot(tree));
    expect(fs.readFileSync(path.join(dir, 'manifest.json')).equals(fs.readFileSync(path.join(dir, 'restore', 'UNDERSTUDY-MANIFEST.json')))).toBe(true);
    expect(summary.manifest.totals.files).toBe(tree.filter((entry) => entry.kind === 'file').length);
  });

  it('the script refuses a wrong password and reports a damaged file, exiting 1', async () => {
    const dir = tempDir();
    await writeSession(dir, sampleTree({ bigFileBytes: 3 * 1024 * 1024 }), { name: 'S.tar.enc', compression: 'none', encryption: { password: PASSWORD } });
    fs.writeFileSync(path.join(dir, RECOVERY_SCRIPT_NAME), RECOVERY_SCRIPT);
    const wrong = run(`UNDERSTUDY_PASSWORD='guess' node ${RECOVERY_SCRIPT_NAME} S.tar.enc > out.tar`, dir);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('wrong password');
    const bytes = fs.readFileSync(path.join(dir, 'S.tar.enc'));
    bytes[2_000_000] = (bytes[2_000_000] ?? 0) ^ 1;
    fs.writeFileSync(path.join(dir, 'S.tar.enc'), bytes);
    const damaged = run(`UNDERSTUDY_PASSWORD='${PASSWORD}' node ${RECOVERY_SCRIPT_NAME} S.tar.enc > out.tar`, dir);
    expect(damaged.status).toBe(1);
    expect(damaged.stderr).toMatch(/damaged or cut short at byte 1048676 \(chunk 1\)/);
    const cut = run(`head -c 1048700 S.tar.enc | UNDERSTUDY_PASSWORD='${PASSWORD}' node ${RECOVERY_SCRIPT_NAME} /dev/stdin > out.tar`, dir);
    expect(cut.status).toBe(1);
  });

  it('times before 1970 and after 2038 survive extraction by tar (pax mtime)', async () => {
    const dir = tempDir();
    const old = -86_400_000;
    const future = Date.parse('2100-01-01T00:00:00Z');
    await writeSession(
      dir,
      [
        { path: 'srv', kind: 'directory', mtimeMs: 0, mode: 0o755 },
        { path: 'srv/old.txt', kind: 'file', mtimeMs: old, mode: 0o644, content: Buffer.from('old') },
        { path: 'srv/future.txt', kind: 'file', mtimeMs: future, mode: 0o644, content: Buffer.from('future') },
      ],
      { name: 'S.tar' },
    );
    runOk('mkdir restore && tar -xf S.tar -C restore', dir);
    expect(fs.statSync(path.join(dir, 'restore/srv/old.txt')).mtimeMs).toBe(old);
    expect(fs.statSync(path.join(dir, 'restore/srv/future.txt')).mtimeMs).toBe(future);
  });

  it('a file of 9 GiB gets a header GNU tar reads with its full size (pax "size")', async () => {
    const size = 9 * 1024 ** 3;
    const pack = tarPack();
    pack.entry(tarHeaderOf({ path: 'srv/huge.bin', kind: 'file', size, mtimeMs: 0, mode: 0o644 }));
    const headers: Buffer[] = [];
    for await (const chunk of pack) {
      if (Buffer.isBuffer(chunk)) headers.push(chunk);
      if (headers.reduce((sum, part) => sum + part.length, 0) >= 1536) break; // pax header block, its data, the ustar header
    }
    // tar lists the entry, then complains that its data is missing: only the listing matters here.
    const result = spawnSync('tar', ['-tvf', '-'], { input: Buffer.concat(headers), encoding: 'utf8' });
    expect(result.stdout).toMatch(new RegExp(`\\s${size}\\s.*srv/huge\\.bin`));
  });
});
