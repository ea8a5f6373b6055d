import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionFileName } from '../../../../engine/backup/archive/format';
import { openSessionReader } from '../../../../engine/backup/archive/session-reader';
import { removeTempDirs, tempDir } from '../../../helpers/temp-dir';
import { BASE, expectedBack, readBack, sampleTree, writeSession } from './session-fixture';

afterEach(removeTempDirs);

const PASSWORD = 'correct horse battery staple';

describe('a session written and read back', () => {
  it.each([
    { label: 'plain tar', compression: 'none' as const, encrypted: false },
    { label: 'gzip', compression: 'gzip' as const, encrypted: false },
    { label: 'gzip + AES-256-GCM', compression: 'gzip' as const, encrypted: true },
    { label: 'AES-256-GCM without compression', compression: 'none' as const, encrypted: true },
  ])('$label: every folder and file comes back with its bytes, mtime and mode', async ({ compression, encrypted }) => {
    const dir = tempDir();
    const tree = sampleTree();
    const name = sessionFileName('S00000042', { compression, encrypted });
    const summary = await writeSession(dir, tree, { name, compression, ...(encrypted ? { encryption: { password: PASSWORD } } : {}) });

    const files = tree.filter((entry) => entry.kind === 'file');
    expect(summary.files).toBe(files.length);
    expect(summary.directories).toBe(tree.length - files.length);
    expect(summary.contentBytes).toBe(files.reduce((sum, entry) => sum + entry.content.length, 0));
    const onDisk = fs.readFileSync(summary.file);
    expect(summary.bytes).toBe(onDisk.length);
    expect(summary.sha256OfArchive).toBe(createHash('sha256').update(onDisk).digest('hex'));
    expect(fs.readdirSync(dir).sort()).toEqual([name, `${name}.manifest.json${encrypted ? '.enc' : ''}`, `${name}.sha256`].sort());
    expect(summary.manifest).toMatchObject({ ...BASE, format: 'understudy-session', formatVersion: 1, compression, encryption: encrypted ? 'UNDERSTUDY-ENC1' : 'none' });

    const reader = await openSessionReader({ file: summary.file, ...(encrypted ? { password: PASSWORD } : {}) });
    expect(reader.encrypted).toBe(encrypted);
    const manifest = await reader.manifest();
    expect(manifest.totals).toEqual({ files: summary.files, directories: summary.directories, bytes: summary.contentBytes });
    expect(manifest.files.map((entry) => entry.path)).toEqual(tree.map((entry) => entry.path));
    const big = manifest.files.find((entry) => entry.path === 'srv/media/big.bin');
    const bigContent = files.find((entry) => entry.path === 'srv/media/big.bin')?.content;
    expect(big?.kind === 'file' && big.sha256).toBe(createHash('sha256').update(bigContent ?? '').digest('hex'));

    expect(await readBack(reader)).toEqual(expectedBack(tree));
    const report = await reader.verify();
    expect(report).toMatchObject({ bytes: summary.bytes, sha256OfArchive: summary.sha256OfArchive, files: summary.files, archiveChecksum: 'checksum file' });
  });

  it('encrypted sessions keep file names out of sight: neither the archive nor the manifest beside it holds them in clear', async () => {
    const dir = tempDir();
    const summary = await writeSession(dir, sampleTree({ bigFileBytes: 1000 }), { name: 'S1.tar.gz.enc', compression: 'gzip', encryption: { password: PASSWORD } });
    for (const file of [summary.file, summary.manifestFile]) {
      const bytes = fs.readFileSync(file);
      expect(bytes.subarray(0, 16).toString('latin1')).toBe('UNDERSTUDY-ENC1\n');
      expect(bytes.includes(Buffer.from('q1.csv'))).toBe(false);
      expect(bytes.includes(Buffer.from('fs01.example.com'))).toBe(false);
    }
  });

  it('without the manifest beside it, a session is still read whole: the manifest inside is the last entry', async () => {
    const dir = tempDir();
    const tree = sampleTree({ bigFileBytes: 300_000 });
    const summary = await writeSession(dir, tree, { name: 'S2.tar.gz', compression: 'gzip' });
    fs.rmSync(summary.manifestFile);
    const reader = await openSessionReader({ file: summary.file });
    expect((await reader.manifest()).files).toHaveLength(tree.length);
    expect(await readBack(reader)).toEqual(expectedBack(tree));
    expect((await reader.verify()).sha256OfArchive).toBe(summary.sha256OfArchive);
  });

  it('an entry whose content is left unread is still checked, and the next entry comes', async () => {
    const dir = tempDir();
    const tree = sampleTree({ bigFileBytes: 3_000_000 });
    const summary = await writeSession(dir, tree, { name: 'S3.tar' });
    const reader = await openSessionReader({ file: summary.file });
    const seen: string[] = [];
    for await (const entry of reader.entries()) {
      seen.push(entry.path);
      if (entry.path === 'srv/media/big.bin') {
        for await (const chunk of entry.content) {
          expect(chunk.length).toBeGreaterThan(0);
          break; // stop reading part way
        }
      }
    }
    expect(seen).toEqual(tree.map((entry) => entry.path));
  });

  it('an empty session (no files at all) is a valid archive', async () => {
    const dir = tempDir();
    const summary = await writeSession(dir, [], { name: 'S4.tar.gz', compression: 'gzip' });
    const reader = await openSessionReader({ file: summary.file });
    expect(await readBack(reader)).toEqual([]);
    expect((await reader.manifest()).totals).toEqual({ files: 0, directories: 0, bytes: 0 });
    expect(path.basename(summary.checksumFile)).toBe('S4.tar.gz.sha256');
  });
});
