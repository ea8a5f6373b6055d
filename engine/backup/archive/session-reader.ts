import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import type { Header } from 'tar-stream';
import { UserError } from '../../messages/user-error';
import { nameOf, openPass, readAll, readStart, TAR_DATA, type Pass } from './archive-pass';
import { ENC_HEADER_BYTES, isEncrypted, openStreamKey, unseal, type StreamKey } from './encryption';
import { checksumMismatch, damaged, passwordRequired } from './errors';
import { checksumPathOf, MANIFEST_ENTRY, manifestPathOf, SESSION_ENTRY } from './format';
import { ManifestHeaderSchema, parseManifest, type Manifest, type ManifestEntry } from './manifest';

export interface SessionReaderOptions {
  readonly file: string;
  readonly password?: string;
  /** The archive's sha256 as the catalog recorded it; else verify() uses the `.sha256` file beside the archive. */
  readonly expectedSha256?: string;
}

export interface SessionEntry {
  /** As in the manifest: the Master's path made relative ("srv/finance/q1.csv"). */
  readonly path: string;
  readonly kind: 'file' | 'directory';
  readonly size: number;
  readonly mtime: Date;
  readonly mode: number;
  readonly sha256: string | undefined;
  /**
   * The file's bytes. Its sha256 is checked against the manifest when the last byte has been
   * read: the iteration then throws E3373 naming the file, so write to a temporary name and
   * keep the result only once the iteration ended normally. Read it before asking for the
   * next entry; what is not read is read (and checked) then.
   */
  readonly content: AsyncIterable<Buffer>;
}

export interface VerifyReport {
  readonly bytes: number;
  readonly sha256OfArchive: string;
  readonly files: number;
  readonly directories: number;
  readonly contentBytes: number;
  /** What the archive's sha256 was compared with. */
  readonly archiveChecksum: 'catalog' | 'checksum file' | 'none available';
}

export interface SessionReader {
  readonly encrypted: boolean;
  manifest(): Promise<Manifest>;
  /** Every directory and file in archive order, each checked against the manifest. */
  entries(): AsyncGenerator<SessionEntry>;
  /** Reads everything: every entry against the manifest, the manifest beside against the one inside, the archive against its sha256. */
  verify(): Promise<VerifyReport>;
}

/**
 * Opens a session written by openSessionWriter. The format is found from the bytes
 * (UNDERSTUDY-ENC1 header, gzip magic, else tar), so the file name does not matter. A wrong
 * password fails here (E3372), before anything is read.
 */
export async function openSessionReader(options: SessionReaderOptions): Promise<SessionReader> {
  const start = await readStart(options.file, ENC_HEADER_BYTES);
  let key: StreamKey | undefined;
  if (isEncrypted(start)) {
    if (options.password === undefined) throw passwordRequired(options.file);
    key = await openStreamKey(start, options.password);
  }
  const reader = new TarSessionReader(options, key);
  await reader.loadManifestBeside();
  return reader;
}

class TarSessionReader implements SessionReader {
  private besideManifest: { manifest: Manifest; sha256: string } | undefined;
  private besideProblem: unknown;
  private insideManifest: Manifest | undefined;

  constructor(
    private readonly options: SessionReaderOptions,
    private readonly key: StreamKey | undefined,
  ) {}

  get encrypted(): boolean {
    return this.key !== undefined;
  }

  /** The manifest file beside the archive, if there is one; a damaged one is remembered for verify() and the one inside is used. */
  async loadManifestBeside(): Promise<void> {
    const file = manifestPathOf(this.options.file, this.encrypted);
    let bytes: Buffer;
    try {
      bytes = this.encrypted ? await this.decryptFile(file) : await fs.readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      if (error instanceof UserError && error.code === 'E3372') throw error;
      this.besideProblem = error;
      return;
    }
    try {
      this.besideManifest = { manifest: parseManifest(bytes), sha256: sha256Of(bytes) };
    } catch (error) {
      this.besideProblem = checksumMismatch(`the manifest beside the archive (${file}) cannot be read: ${describe(error)}`);
    }
  }

  async manifest(): Promise<Manifest> {
    if (this.besideManifest) return this.besideManifest.manifest;
    if (this.insideManifest) return this.insideManifest;
    // No usable manifest beside the archive: it is the archive's last entry.
    const pass = openPass(this.options.file, this.key);
    for await (const { header, body } of pass.entries) {
      const bytes = await readAll(body);
      if (nameOf(header) === MANIFEST_ENTRY) this.insideManifest = this.parseInside(bytes);
    }
    if (!this.insideManifest) throw damaged(pass.bytesRead(), `it ends before its manifest (${MANIFEST_ENTRY}): the file was cut short`);
    return this.insideManifest;
  }

  entries(): AsyncGenerator<SessionEntry> {
    return this.walk(openPass(this.options.file, this.key));
  }

  async verify(): Promise<VerifyReport> {
    if (this.besideProblem) throw this.besideProblem;
    const pass = openPass(this.options.file, this.key);
    const counts = { files: 0, directories: 0, contentBytes: 0 };
    for await (const entry of this.walk(pass)) {
      for await (const chunk of entry.content) counts.contentBytes += chunk.length;
      if (entry.kind === 'file') counts.files += 1;
      else counts.directories += 1;
    }
    const raw = { bytes: pass.bytesRead(), sha256: pass.sha256() };
    const expected = await this.expectedArchiveSha256();
    if (expected && expected.sha256 !== raw.sha256) {
      throw checksumMismatch(`${this.options.file} does not match its sha256 in the ${expected.from} (${raw.sha256}, expected ${expected.sha256})`);
    }
    return { ...counts, bytes: raw.bytes, sha256OfArchive: raw.sha256, archiveChecksum: expected?.from ?? 'none available' };
  }

  private async *walk(pass: Pass): AsyncGenerator<SessionEntry> {
    const manifest = await this.manifest();
    const expected = manifest.files;
    let index = 0;
    let first = true;
    let sawManifest = false;
    for await (const { header, offset, body } of pass.entries) {
      const name = nameOf(header);
      const at = `entry ${JSON.stringify(name)}`;
      if (first) {
        first = false;
        if (name !== SESSION_ENTRY) throw damaged(0, `its first entry is ${at}, not ${SESSION_ENTRY}`, { where: TAR_DATA });
        this.checkSessionEntry(await readAll(body), manifest);
        continue;
      }
      if (sawManifest) throw damaged(offset, `${at} follows the manifest, which is the last entry`, { where: TAR_DATA });
      if (name === MANIFEST_ENTRY) {
        sawManifest = true;
        this.checkInsideManifest(await readAll(body));
        continue;
      }
      const want = expected[index++];
      if (!want || !sameEntry(want, name, header)) {
        const listed = want ? `${want.kind} ${JSON.stringify(want.path)}` : 'nothing more';
        throw damaged(offset, `${at} (${header.type}, ${header.size} bytes) is not what the manifest lists there (${listed})`, { where: TAR_DATA });
      }
      const content = new CheckedContent(body, want, this.options.file);
      yield {
        path: want.path,
        kind: want.kind,
        size: want.kind === 'file' ? want.size : 0,
        mtime: new Date(want.mtime),
        mode: want.mode,
        sha256: want.kind === 'file' ? want.sha256 : undefined,
        content,
      };
      await content.finish();
    }
    if (index < expected.length) throw damaged(pass.bytesRead(), `it ends after ${index} of the ${expected.length} entries its manifest lists (cut short)`);
    if (!sawManifest) throw damaged(pass.bytesRead(), `it ends before its manifest (${MANIFEST_ENTRY}): the file was cut short`);
  }

  private checkSessionEntry(bytes: Buffer, manifest: Manifest): void {
    let header;
    try {
      header = ManifestHeaderSchema.parse(JSON.parse(bytes.toString('utf8')));
    } catch (error) {
      throw checksumMismatch(`${SESSION_ENTRY} in ${this.options.file} cannot be read: ${describe(error)}`);
    }
    if (header.session !== manifest.session || header.createdAt !== manifest.createdAt || header.scenario.id !== manifest.scenario.id) {
      throw checksumMismatch(`${SESSION_ENTRY} in ${this.options.file} names session ${header.session}, the manifest session ${manifest.session}: they belong to different sessions`);
    }
  }

  private checkInsideManifest(bytes: Buffer): void {
    if (this.besideManifest) {
      if (sha256Of(bytes) !== this.besideManifest.sha256) {
        throw checksumMismatch(`the manifest beside ${this.options.file} differs from the one inside it: one of them was changed`);
      }
      return;
    }
    this.insideManifest ??= this.parseInside(bytes);
  }

  private parseInside(bytes: Buffer): Manifest {
    try {
      return parseManifest(bytes);
    } catch (error) {
      throw checksumMismatch(`${MANIFEST_ENTRY} inside ${this.options.file} cannot be read: ${describe(error)}`);
    }
  }

  private async expectedArchiveSha256(): Promise<{ sha256: string; from: 'catalog' | 'checksum file' } | undefined> {
    if (this.options.expectedSha256) return { sha256: this.options.expectedSha256.toLowerCase(), from: 'catalog' };
    const line = await fs.readFile(checksumPathOf(this.options.file), 'utf8').catch(() => undefined);
    const sha256 = line && /^([0-9a-f]{64})\s/i.exec(line)?.[1];
    return sha256 ? { sha256: sha256.toLowerCase(), from: 'checksum file' } : undefined;
  }

  /** A whole encrypted file beside the archive (the manifest), decrypted with the session password. */
  private async decryptFile(file: string): Promise<Buffer> {
    const start = await readStart(file, ENC_HEADER_BYTES);
    const key = await openStreamKey(start, this.options.password ?? '', file);
    const parts: Buffer[] = [];
    for await (const chunk of unseal(createReadStream(file, { start: ENC_HEADER_BYTES }), key, file)) parts.push(chunk);
    return Buffer.concat(parts);
  }

}

/** The content of one entry, hashed as it is read and checked against the manifest at its end. */
class CheckedContent implements AsyncIterable<Buffer> {
  private readonly hash = createHash('sha256');
  private bytes = 0;
  private done = false;
  private stale = false;

  constructor(
    private readonly body: AsyncIterator<unknown>,
    private readonly entry: ManifestEntry,
    private readonly file: string,
  ) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    if (this.stale) throw new Error(`the content of ${this.entry.path} was asked for after the next entry`);
    for (;;) {
      const chunk = await this.next();
      if (!chunk) return;
      yield chunk;
    }
  }

  /** Reads what the consumer left and checks the whole. */
  async finish(): Promise<void> {
    while (await this.next());
    this.stale = true;
  }

  private async next(): Promise<Buffer | undefined> {
    if (this.done) return undefined;
    const step = await this.body.next();
    if (!step.done) {
      if (!Buffer.isBuffer(step.value)) throw new Error('tar-stream yielded something other than bytes');
      this.hash.update(step.value);
      this.bytes += step.value.length;
      return step.value;
    }
    this.done = true;
    if (this.entry.kind === 'file') {
      const sha256 = this.hash.digest('hex');
      if (this.bytes !== this.entry.size || sha256 !== this.entry.sha256) {
        throw checksumMismatch(`${this.entry.path} in ${this.file} does not match its sha256 in the manifest: its data in the archive was changed`);
      }
    }
    return undefined;
  }
}

function sameEntry(want: ManifestEntry, name: string, header: Header): boolean {
  if (want.path !== name) return false;
  if (want.kind === 'directory') return header.type === 'directory';
  return header.type === 'file' && header.size === want.size;
}

function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
