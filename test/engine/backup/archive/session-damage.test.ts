import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSessionReader, type SessionReaderOptions } from '../../../../engine/backup/archive/session-reader';
import { openSessionWriter } from '../../../../engine/backup/archive/session-writer';
import { UserError } from '../../../../engine/messages/user-error';
import { removeTempDirs, tempDir } from '../../../helpers/temp-dir';
import { BASE, chunksOf, sampleTree, writeSession } from './session-fixture';

afterEach(removeTempDirs);

const PASSWORD = 'hunter2 but longer';
const KINDS = [
  { label: 'plain', name: 'S.tar', compression: 'none' as const, encrypted: false },
  { label: 'gzip', name: 'S.tar.gz', compression: 'gzip' as const, encrypted: false },
  { label: 'gzip + AES', name: 'S.tar.gz.enc', compression: 'gzip' as const, encrypted: true },
];

async function failure(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof UserError)) throw new Error(`expected a UserError, got ${error instanceof Error ? error.stack : String(error)}`);
  return error;
}

/** Opens and verifies a (damaged) copy of a session; the checksum file beside it is the original's. */
async function verifyCopy(original: string, bytes: Buffer, options: Omit<SessionReaderOptions, 'file'>, { checksumFile = true } = {}): Promise<unknown> {
  const dir = tempDir();
  const copy = path.join(dir, path.basename(original));
  fs.writeFileSync(copy, bytes);
  for (const beside of fs.readdirSync(path.dirname(original)).filter((name) => name !== path.basename(original))) {
    if (beside.endsWith('.sha256') && !checksumFile) continue;
    fs.copyFileSync(path.join(path.dirname(original), beside), path.join(dir, beside));
  }
  const reader = await openSessionReader({ file: copy, ...options });
  return reader.verify();
}

describe('a damaged or mis-opened session', () => {
  it('a wrong password is E3372 when the session is opened; no password at all is E3372 too', async () => {
    const dir = tempDir();
    const summary = await writeSession(dir, sampleTree({ bigFileBytes: 1000 }), { name: 'S.tar.gz.enc', compression: 'gzip', encryption: { password: PASSWORD } });
    const wrong = await failure(openSessionReader({ file: summary.file, password: 'not it' }));
    expect(wrong.code).toBe('E3372');
    expect(wrong.toInfo()).toMatchObject({ code: 'E3372', module: 'Restore task' });
    expect((await failure(openSessionReader({ file: summary.file }))).message).toMatch(/encrypted and no password was given/);
  });

  it.each(KINDS)('$label: cut short anywhere, verify() says E3373', async ({ name, compression, encrypted }) => {
    const dir = tempDir();
    const summary = await writeSession(dir, sampleTree({ bigFileBytes: 2_000_000 }), { name, compression, ...(encrypted ? { encryption: { password: PASSWORD } } : {}) });
    const bytes = fs.readFileSync(summary.file);
    const options = encrypted ? { password: PASSWORD } : {};
    for (const length of [100, 5000, Math.floor(bytes.length / 2), bytes.length - 1500, bytes.length - 1]) {
      const error = await failure(verifyCopy(summary.file, bytes.subarray(0, length), options));
      expect(error.code, `cut at ${length} of ${bytes.length}`).toBe('E3373');
      // Found by the format itself (tar structure, gzip trailer, final chunk, manifest), not only by the archive's sha256.
      const structural = await failure(verifyCopy(summary.file, bytes.subarray(0, length), options, { checksumFile: false }));
      expect(structural.code, `cut at ${length}, no checksum file`).toBe('E3373');
    }
  });

  it.each(KINDS)('$label: one changed byte in the middle of the big file is E3373', async ({ name, compression, encrypted }) => {
    const dir = tempDir();
    const summary = await writeSession(dir, sampleTree({ bigFileBytes: 2_000_000 }), { name, compression, ...(encrypted ? { encryption: { password: PASSWORD } } : {}) });
    const bytes = Buffer.from(fs.readFileSync(summary.file));
    const at = bytes.length - 1_000_000; // inside big.bin's data whatever the compression (random bytes do not shrink)
    bytes[at] = (bytes[at] ?? 0) ^ 0x10;
    const error = await failure(verifyCopy(summary.file, bytes, encrypted ? { password: PASSWORD } : {}));
    expect(error.code).toBe('E3373');
    if (!encrypted && compression === 'none') expect(error.message).toContain('srv/media/big.bin');
    if (encrypted) expect(error.message).toMatch(/damaged at byte \d+: encrypted chunk \d+ fails its authentication check/);
  });

  it('plain: a changed tar header is E3373, as is every single changed byte of a small session', async () => {
    const dir = tempDir();
    const summary = await writeSession(dir, sampleTree({ bigFileBytes: 0, smallFiles: 2 }), { name: 'S.tar' });
    const bytes = fs.readFileSync(summary.file);
    // Every 97th byte, so headers, data, padding and the end blocks are all hit.
    for (let at = 0; at < bytes.length; at += 97) {
      const copy = Buffer.from(bytes);
      copy[at] = (copy[at] ?? 0) ^ 0x04;
      const error = await failure(verifyCopy(summary.file, copy, {}));
      expect(error.code, `flip at ${at}`).toBe('E3373');
    }
  });

  it('a manifest beside the archive that was changed is caught by verify()', async () => {
    const dir = tempDir();
    const summary = await writeSession(dir, sampleTree({ bigFileBytes: 1000 }), { name: 'S.tar' });
    const manifest = fs.readFileSync(summary.manifestFile, 'utf8');
    fs.writeFileSync(summary.manifestFile, manifest.replace('"mode":420', '"mode":511'));
    const reader = await openSessionReader({ file: summary.file });
    expect((await failure(reader.verify())).message).toMatch(/manifest beside .* differs from the one inside/);
  });

  it('an unreadable manifest beside the archive does not stop a restore: the one inside is used, and verify() reports it', async () => {
    const dir = tempDir();
    const tree = sampleTree({ bigFileBytes: 1000 });
    const summary = await writeSession(dir, tree, { name: 'S.tar.gz.enc', compression: 'gzip', encryption: { password: PASSWORD } });
    fs.writeFileSync(summary.manifestFile, 'not a manifest');
    const reader = await openSessionReader({ file: summary.file, password: PASSWORD });
    expect((await reader.manifest()).files).toHaveLength(tree.length);
    let count = 0;
    for await (const entry of reader.entries()) {
      for await (const chunk of entry.content) expect(chunk.length).toBeGreaterThan(0);
      count += 1;
    }
    expect(count).toBe(tree.length);
    const error = await failure(reader.verify());
    expect(error.code).toBe('E3373');
    expect(error.message).toContain('manifest.json.enc');
  });

  it('verify() compares the archive with the sha256 the catalog holds when given one', async () => {
    const dir = tempDir();
    const summary = await writeSession(dir, [], { name: 'S.tar' });
    const good = await openSessionReader({ file: summary.file, expectedSha256: summary.sha256OfArchive });
    expect((await good.verify()).archiveChecksum).toBe('catalog');
    const bad = await openSessionReader({ file: summary.file, expectedSha256: '0'.repeat(64) });
    expect((await failure(bad.verify())).message).toMatch(/does not match its sha256 in the catalog/);
  });
});

describe('writing a session that cannot be completed', () => {
  it.each([
    { label: 'fewer', given: 1000, listed: 1001 },
    { label: 'more', given: 1002, listed: 1001 },
  ])('a file giving $label bytes than listed fails with AE0458 naming it, and leaves nothing on the device', async ({ given, listed }) => {
    const dir = tempDir();
    const writer = await openSessionWriter({ file: path.join(dir, 'S.tar.gz'), compression: 'gzip', manifestBase: BASE });
    await writer.addDirectory('srv', { mtimeMs: 0, mode: 0o755 });
    await writer.addFile('srv/ok.txt', { size: 3, mtimeMs: 0, mode: 0o644 }, chunksOf(Buffer.from('abc')));
    const error = await failure(writer.addFile('srv/changed.bin', { size: listed, mtimeMs: 0, mode: 0o644 }, chunksOf(Buffer.alloc(given), 100)));
    expect(error.code).toBe('AE0458');
    expect(error.message).toContain('srv/changed.bin');
    expect(error.message).toContain(String(listed));
    expect(fs.readdirSync(dir)).toEqual([]);
    await expect(writer.addFile('srv/next.txt', { size: 1, mtimeMs: 0, mode: 0o644 }, chunksOf(Buffer.from('x')))).rejects.toThrow(/failed earlier/);
    await expect(writer.finish()).rejects.toThrow(/failed earlier/);
    await writer.abort();
  });

  it('a source that throws fails addFile with its error and leaves nothing', async () => {
    const dir = tempDir();
    const writer = await openSessionWriter({ file: path.join(dir, 'S.tar'), compression: 'none', manifestBase: BASE });
    const broken = async function* (): AsyncGenerator<Buffer> {
      yield Buffer.alloc(10);
      throw new Error('snapshot read failed');
    };
    await expect(writer.addFile('srv/a', { size: 100, mtimeMs: 0, mode: 0o644 }, broken())).rejects.toThrow('snapshot read failed');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('abort() removes every file the session wrote, also while a file is being added', async () => {
    const dir = tempDir();
    const writer = await openSessionWriter({ file: path.join(dir, 'S.tar.gz.enc'), compression: 'gzip', encryption: { password: PASSWORD }, manifestBase: BASE });
    await writer.addFile('srv/a', { size: 5, mtimeMs: 0, mode: 0o644 }, chunksOf(Buffer.from('hello')));
    expect(fs.readdirSync(dir).sort()).toEqual(['S.tar.gz.enc.manifest.json.enc.partial', 'S.tar.gz.enc.partial']);
    let release: () => void = () => undefined;
    const stuck = async function* (): AsyncGenerator<Buffer> {
      yield Buffer.alloc(4096);
      await new Promise<void>((resolve) => (release = resolve));
      yield Buffer.alloc(4096);
    };
    const adding = writer.addFile('srv/b', { size: 8192, mtimeMs: 0, mode: 0o644 }, stuck());
    adding.catch(() => undefined);
    await writer.abort();
    release();
    await expect(adding).rejects.toThrow();
    expect(fs.readdirSync(dir)).toEqual([]);
    await writer.abort();
  });

  it('refuses to overwrite a complete session, and refuses paths that cannot be stored', async () => {
    const dir = tempDir();
    const summary = await writeSession(dir, [], { name: 'S.tar' });
    await expect(openSessionWriter({ file: summary.file, compression: 'none', manifestBase: BASE })).rejects.toThrow(/already exists/);
    const writer = await openSessionWriter({ file: path.join(dir, 'T.tar'), compression: 'none', manifestBase: BASE });
    await expect(writer.addDirectory('/abs', { mtimeMs: 0, mode: 0o755 })).rejects.toThrow(/absolute/);
    await writer.addDirectory('srv', { mtimeMs: 0, mode: 0o755 }); // a refused path does not spoil the session
    await writer.abort();
  });
});
