import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
// tar-stream (^3.2, MIT, mafintosh/holepunch; CommonJS, works on Node 20): a streaming tar packer
// and parser and nothing else — entries come from any stream with backpressure, paths over
// 100/155 bytes or not ASCII get pax headers, extra pax records pass through, and 3.2 ships its
// own types and bounds pax header sizes when parsing. Node has no tar of its own; node-tar
// (`tar`) packs from the file system, taking other streams only as its own ReadEntry objects.
// Major pinned: 3.x (streamx-based) is the maintained line.
import { pack as tarPack, type Pack } from 'tar-stream';
import { UserError } from '../../messages/user-error';
import { writeFileAtomic, syncDirectory } from '../../util/atomic-file';
import { ChunkSealer, DEFAULT_ENCRYPTION, newStreamKey, seal, unseal, type EncryptionParams, type StreamKey } from './encryption';
import {
  archivePathProblem,
  checksumPathOf,
  FORMAT,
  FORMAT_VERSION,
  MANIFEST_ENTRY,
  manifestPathOf,
  partialPathOf,
  SESSION_ENTRY,
  type Compression,
} from './format';
import { ManifestBaseSchema, ManifestSpool, type ManifestBase, type ManifestEntry, type ManifestHeader, type ManifestSummary } from './manifest';
import { gzipParallel } from './parallel-gzip';
import { writeHashed, type Written } from './streams';
import { tarHeaderOf, type TarEntry } from './tar-header';

export interface EntryStat {
  readonly mtimeMs: number;
  readonly mode: number;
}

export interface FileStat extends EntryStat {
  readonly size: number;
}

export interface SessionWriterOptions {
  /** The archive's final path (see sessionFileName); written as `<file>.partial` until finish. */
  readonly file: string;
  /** gzip via node:zlib; zstd would compress faster but Node 20 has no zstd (node:zlib gains it in 22.15/23.8). */
  readonly compression: Compression;
  readonly encryption?: { readonly password: string; readonly params?: EncryptionParams };
  readonly manifestBase: ManifestBase;
  /** 1 (fastest) … 9; default 1: on log-like text level 6 saves about 12% more space at half the speed. */
  readonly gzipLevel?: number;
  readonly now?: () => Date;
}

export interface SessionSummary {
  readonly file: string;
  readonly manifestFile: string;
  readonly checksumFile: string;
  /** Size of the archive file on the device. */
  readonly bytes: number;
  /** sha256 of the archive file's bytes, as `sha256sum` prints it. */
  readonly sha256OfArchive: string;
  readonly files: number;
  readonly directories: number;
  /** Sum of the files' sizes. */
  readonly contentBytes: number;
  /** Header and totals; the file list is in the manifest file (not kept in memory: sessions may hold millions of files). */
  readonly manifest: ManifestSummary;
}

export interface SessionWriter {
  addDirectory(path: string, stat: EntryStat): Promise<void>;
  /** Streams `source` into the session; it must yield exactly `stat.size` bytes. Resolves to the file's sha256. */
  addFile(path: string, stat: FileStat, source: AsyncIterable<Uint8Array>): Promise<{ sha256: string }>;
  finish(): Promise<SessionSummary>;
  /** Removes everything written so far; safe at any time, and more than once. */
  abort(): Promise<void>;
}

type WriterState =
  | { state: 'ready' }
  | { state: 'busy'; doing: string }
  | { state: 'finished' }
  | { state: 'failed'; error: unknown }
  | { state: 'aborted' };

/**
 * Opens a session for writing: tar → gzip → encrypt → `<file>.partial`, fsynced and renamed at
 * finish (after the manifest and checksum files beside it), so a file without `.partial` is
 * always a complete session. Any failure inside addDirectory/addFile leaves a tar that cannot
 * be completed: the writer removes what it wrote and rejects every later call.
 */
export async function openSessionWriter(options: SessionWriterOptions): Promise<SessionWriter> {
  const base = ManifestBaseSchema.parse(options.manifestBase);
  if (await exists(options.file)) throw new Error(`a session file already exists at ${options.file}`);
  const encryption = options.encryption;
  const params = encryption?.params ?? DEFAULT_ENCRYPTION;
  const [archiveKey, manifestKey] = encryption
    ? await Promise.all([newStreamKey(encryption.password, params), newStreamKey(encryption.password, params)])
    : [undefined, undefined];
  const now = options.now ?? (() => new Date());
  const header: ManifestHeader = {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    ...base,
    createdAt: now().toISOString(),
    compression: options.compression,
    encryption: encryption ? 'UNDERSTUDY-ENC1' : 'none',
  };
  const paths = {
    partial: partialPathOf(options.file),
    manifest: manifestPathOf(options.file, encryption !== undefined),
    manifestSpool: partialPathOf(manifestPathOf(options.file, encryption !== undefined)),
    checksum: checksumPathOf(options.file),
  };
  const handle = await fs.open(paths.partial, 'w', 0o600);
  let spool: ManifestSpool;
  try {
    spool = await ManifestSpool.create(paths.manifestSpool, header, manifestKey && new ChunkSealer(manifestKey));
  } catch (error) {
    await handle.close();
    await fs.rm(paths.partial, { force: true });
    throw error;
  }
  const writer = new TarSessionWriter(options, header, paths, handle, spool, archiveKey, manifestKey, now);
  await writer.start();
  return writer;
}

class TarSessionWriter implements SessionWriter {
  private status: WriterState = { state: 'ready' };
  private readonly pack: Pack = tarPack();
  private readonly written: Promise<Written>;
  private readonly failure: Promise<never>;
  private files = 0;
  private directories = 0;
  private contentBytes = 0;
  private handleOpen = true;

  constructor(
    private readonly options: SessionWriterOptions,
    private readonly header: ManifestHeader,
    private readonly paths: { partial: string; manifest: string; manifestSpool: string; checksum: string },
    private readonly handle: fs.FileHandle,
    private readonly spool: ManifestSpool,
    archiveKey: StreamKey | undefined,
    private readonly manifestKey: StreamKey | undefined,
    private readonly now: () => Date,
  ) {
    let output: AsyncIterable<Buffer> = bytesOf(this.pack);
    if (options.compression === 'gzip') output = gzipParallel(output, { level: options.gzipLevel ?? 1 });
    if (archiveKey) output = seal(output, archiveKey);
    this.written = writeHashed(output, handle);
    this.failure = this.written.then(
      () => new Promise<never>(() => undefined),
      (error: unknown) => Promise.reject(error),
    );
    this.failure.catch(() => undefined);
  }

  async start(): Promise<void> {
    const json = Buffer.from(`${JSON.stringify(this.header, null, 2)}\n`);
    await this.writeEntry({ path: SESSION_ENTRY, kind: 'file', size: json.length, mtimeMs: this.now().getTime(), mode: 0o644 }, [json]).catch(async (error: unknown) => {
      await this.abort();
      throw error;
    });
  }

  async addDirectory(entryPath: string, stat: EntryStat): Promise<void> {
    this.enter(`adding ${entryPath}`, entryPath);
    try {
      await this.writeEntry({ path: entryPath, kind: 'directory', size: 0, mtimeMs: stat.mtimeMs, mode: stat.mode }, []);
      await this.spool.add({ path: entryPath, kind: 'directory', mtime: isoOf(stat.mtimeMs), mode: stat.mode & 0o7777 });
      this.directories += 1;
      this.status = { state: 'ready' };
    } catch (error) {
      throw await this.fail(error);
    }
  }

  async addFile(entryPath: string, stat: FileStat, source: AsyncIterable<Uint8Array>): Promise<{ sha256: string }> {
    this.enter(`adding ${entryPath}`, entryPath);
    try {
      const hash = createHash('sha256');
      const hashed = async function* (): AsyncGenerator<Uint8Array> {
        for await (const chunk of source) {
          hash.update(chunk);
          yield chunk;
        }
      };
      await this.writeEntry({ path: entryPath, kind: 'file', size: stat.size, mtimeMs: stat.mtimeMs, mode: stat.mode }, hashed());
      const sha256 = hash.digest('hex');
      const entry: ManifestEntry = { path: entryPath, kind: 'file', size: stat.size, mtime: isoOf(stat.mtimeMs), mode: stat.mode & 0o7777, sha256 };
      await this.spool.add(entry);
      this.files += 1;
      this.contentBytes += stat.size;
      this.status = { state: 'ready' };
      return { sha256 };
    } catch (error) {
      throw await this.fail(error);
    }
  }

  async finish(): Promise<SessionSummary> {
    this.enter('finishing');
    try {
      const totals = { files: this.files, directories: this.directories, bytes: this.contentBytes };
      const manifestBytes = await this.spool.close(totals);
      const spooled = createReadStream(this.paths.manifestSpool, { start: this.manifestKey ? this.manifestKey.header.length : 0 });
      const manifestJson = this.manifestKey ? unseal(spooled, this.manifestKey, this.paths.manifestSpool) : spooled;
      await this.writeEntry({ path: MANIFEST_ENTRY, kind: 'file', size: manifestBytes, mtimeMs: this.now().getTime(), mode: 0o644 }, manifestJson);
      this.pack.finalize();
      const { bytes, sha256 } = await this.written;
      await this.handle.sync();
      await this.closeHandle();
      // Beside the archive first, the archive last: its name without .partial means complete.
      await fs.rename(this.paths.manifestSpool, this.paths.manifest);
      await writeFileAtomic(this.paths.checksum, `${sha256}  ${path.basename(this.options.file)}\n`);
      await fs.rename(this.paths.partial, this.options.file);
      await syncDirectory(path.dirname(this.options.file));
      this.status = { state: 'finished' };
      return {
        file: this.options.file,
        manifestFile: this.paths.manifest,
        checksumFile: this.paths.checksum,
        bytes,
        sha256OfArchive: sha256,
        files: this.files,
        directories: this.directories,
        contentBytes: this.contentBytes,
        manifest: { ...this.header, totals },
      };
    } catch (error) {
      throw await this.fail(error);
    }
  }

  async abort(): Promise<void> {
    if (this.status.state === 'aborted' || this.status.state === 'finished') return;
    this.status = { state: 'aborted' };
    await this.discard(new Error('the session was aborted'));
  }

  private enter(doing: string, entryPath?: string): void {
    const status = this.status;
    if (status.state === 'failed') throw new Error(`the session writer failed earlier and cannot continue (${describe(status.error)})`);
    if (status.state !== 'ready') throw new Error(`cannot start ${doing}: the session writer is ${status.state === 'busy' ? status.doing : status.state}`);
    if (entryPath !== undefined) {
      const problem = archivePathProblem(entryPath);
      if (problem) throw new Error(`cannot add ${JSON.stringify(entryPath)} to a session: ${problem}`);
    }
    this.status = { state: 'busy', doing };
  }

  /** One tar entry; `content` must yield exactly `entry.size` bytes. */
  private async writeEntry(entry: TarEntry, content: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<void> {
    let settle: (error?: Error | null) => void = () => undefined;
    const done = new Promise<void>((resolve, reject) => {
      settle = (error) => (error ? reject(error) : resolve());
    });
    done.catch(() => undefined);
    const sink = this.pack.entry(tarHeaderOf(entry), (error) => settle(error));
    sink.on('error', () => undefined); // reported through the entry's callback
    let got = 0;
    for await (const chunk of content) {
      got += chunk.byteLength;
      if (got > entry.size) throw sizeMismatch(entry, `more than ${entry.size}`);
      if (!sink.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))) {
        await Promise.race([new Promise<void>((resolve) => sink.once('drain', () => resolve())), done, this.failure]);
      }
    }
    if (got !== entry.size) throw sizeMismatch(entry, String(got));
    sink.end(null);
    await Promise.race([done, this.failure]);
  }

  private async fail(error: unknown): Promise<unknown> {
    if (this.status.state === 'aborted') return error;
    this.status = { state: 'failed', error };
    await this.discard(error);
    return error;
  }

  private async discard(reason: unknown): Promise<void> {
    this.pack.destroy(reason instanceof Error ? reason : new Error(String(reason)));
    await this.written.catch(() => undefined);
    await this.closeHandle().catch(() => undefined);
    await this.spool.discard();
    for (const file of [this.paths.partial, this.paths.manifestSpool]) await fs.rm(file, { force: true });
    // A finish that failed after writing the files beside the archive, before renaming it.
    if (!(await exists(this.options.file))) for (const file of [this.paths.manifest, this.paths.checksum]) await fs.rm(file, { force: true });
  }

  private async closeHandle(): Promise<void> {
    if (!this.handleOpen) return;
    this.handleOpen = false;
    await this.handle.close();
  }
}

/** tar-stream's pack is an untyped streamx Readable; what it yields are Buffers. */
async function* bytesOf(pack: Pack): AsyncGenerator<Buffer> {
  for await (const chunk of pack) {
    if (!Buffer.isBuffer(chunk)) throw new Error('tar-stream yielded something other than bytes');
    yield chunk;
  }
}

function sizeMismatch(entry: TarEntry, got: string): UserError {
  return new UserError('AE0458', `${entry.path} should hold ${entry.size} bytes as the snapshot listed it, but its content gave ${got}`);
}

function isoOf(mtimeMs: number): string {
  return new Date(Math.floor(mtimeMs)).toISOString();
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
