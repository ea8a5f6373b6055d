import { execFile } from 'node:child_process';
import { createHash, type Hash } from 'node:crypto';
import fsSync from 'node:fs';
import fs, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { describeError } from '../../messages/describe-error';
import { UserError } from '../../messages/user-error';
import { checkHostRelativePath, lstatOrUndefined, pathRejected, symlinkRejected } from '../../replica/path-guard';
import { TEMP_FILE_PREFIX } from '../../replica/temp-files';
import { syncDirectory } from '../../util/atomic-file';
import { RestoreJournal, undoJournal } from './restore-journal';

/** In place (atomically replacing what is there), or beside the live file as `<name>.TMP` while the application runs. */
export type RestoreMode = 'in-place' | 'beside';

export interface EntryMeta {
  readonly mtimeMs: number;
  readonly mode: number;
}

export interface CommitReport {
  readonly files: number;
  readonly directories: number;
  /** `<name>.TMP` → live name, for the pending list (beside mode only). */
  readonly pending: readonly { tmp: string; final: string }[];
}

interface OpenFile {
  readonly handle: FileHandle;
  readonly temp: string;
  readonly final: string;
  readonly relative: string;
  readonly size: number;
  readonly meta: EntryMeta;
  readonly hash: Hash;
  written: number;
}

export const TMP_SUFFIX = '.TMP';
// Set-id bits are dropped: restored files are written by the engine's account from network data.
const MODE_BITS = 0o1777;
/** What `wholeFile` takes at once (the restore channel's piece size). */
const MAX_WHOLE_FILE_BYTES = 4 * 1024 * 1024;
/** Renames between two turns of the event loop at commit (other requests are served in between). */
const RENAMES_PER_TURN = 500;
/** Files synced at once at commit: the file system commits them together. */
const SYNC_PARALLEL = 32;

/**
 * One restore into one destination folder on this host. Every file is written to a temporary
 * name beside its place (the restore's own prefix) and checked against the sha256 the sender
 * read from the session; `commit` makes them durable (one file-system sync on Linux, else each
 * file, in parallel), then renames them into place —
 * so a failure anywhere before leaves nothing half-done: `abort` removes the temporary files
 * and the folders the restore created. Nothing lands outside the folder and no symbolic link
 * is followed: every folder on the way is checked once (lstat), then remembered as checked.
 * Several files may be written at once.
 */
export class RestoreWrite {
  private readonly files = new Map<number, OpenFile>();
  private readonly written: { temp: string; final: string }[] = [];
  private readonly directories = new Map<string, EntryMeta>();
  /** Folders known to be real folders below the root (checked or created by this restore). */
  private readonly checked = new Set<string>();
  /** Folders whose temporary files the journal names (the note's write, which a file there waits for). */
  private readonly tempDirs = new Map<string, Promise<void>>();
  private readonly tempPrefix: string;
  private nextFileId = 1;

  private constructor(
    private readonly realRoot: string,
    private readonly mode: RestoreMode,
    private readonly journal: RestoreJournal,
    restoreId: string,
  ) {
    this.tempPrefix = `${TEMP_FILE_PREFIX}restore-${restoreId.slice(0, 8)}-`;
    this.checked.add(realRoot);
  }

  static async begin(options: { root: string; mode: RestoreMode; restoreId: string; journalDir: string }): Promise<RestoreWrite> {
    if (!path.isAbsolute(options.root)) throw new UserError('E3383', `"${options.root}" is not an absolute folder on this host`);
    const journal = await RestoreJournal.create(options.journalDir, options.restoreId);
    try {
      const existing = await lstatOrUndefined(options.root);
      if (existing && !existing.isDirectory()) throw new UserError('E3383', `${options.root} exists and is not a folder`);
      if (!existing) await createFolders(options.root, journal);
      return new RestoreWrite(await fs.realpath(options.root), options.mode, journal, options.restoreId);
    } catch (error) {
      await journal.remove();
      throw error instanceof UserError ? error : new UserError('E3383', `${options.root}: ${describeError(error)}`);
    }
  }

  async directory(relative: string, meta: EntryMeta): Promise<void> {
    const full = this.pathOf(relative);
    await this.ensureFolder(full);
    this.directories.set(full, meta);
  }

  async openFile(relative: string, size: number, meta: EntryMeta): Promise<number> {
    const final = this.pathOf(relative);
    const dir = path.dirname(final);
    await this.prepareFolder(dir);
    const id = this.nextFileId++;
    const temp = path.join(dir, `${this.tempPrefix}${id}`);
    const handle = await this.guard(final, () => fs.open(temp, 'wx', 0o600));
    this.files.set(id, { handle, temp, final, relative, size, meta, hash: createHash('sha256'), written: 0 });
    return id;
  }

  async write(fileId: number, data: Uint8Array): Promise<void> {
    const file = this.open(fileId);
    if (file.written + data.byteLength > file.size) throw new UserError('E3385', `more bytes than the ${file.size} expected for ${file.final}`);
    const at = file.written;
    file.written += data.byteLength;
    file.hash.update(data);
    await this.guard(file.final, () => file.handle.write(data, 0, data.byteLength, at));
  }

  /** The file is complete: its bytes must be the session's (`sha256`); then it is stamped (synced at commit). */
  async closeFile(fileId: number, sha256: string | undefined): Promise<void> {
    const file = this.open(fileId);
    this.files.delete(fileId);
    try {
      const actual = file.hash.digest('hex');
      if (file.written !== file.size || (sha256 !== undefined && actual !== sha256)) {
        throw new UserError('E3373', `${file.relative} arrived with ${file.written} of ${file.size} bytes or another checksum than the session's`);
      }
      await this.guard(file.final, async () => {
        await file.handle.chmod(file.meta.mode & MODE_BITS);
        await file.handle.utimes(new Date(file.meta.mtimeMs), new Date(file.meta.mtimeMs));
      });
    } finally {
      await file.handle.close();
    }
    this.written.push({ temp: file.temp, final: file.final });
  }

  /**
   * A whole small file in one step (what most files of a server are). Written with synchronous
   * calls: a few tens of microseconds on the event loop, where five thread-pool round trips per
   * file cost several times that in hand-offs (measured: futex waits dominated the restore).
   */
  async wholeFile(relative: string, data: Uint8Array, meta: EntryMeta, sha256: string | undefined): Promise<void> {
    if (data.byteLength > MAX_WHOLE_FILE_BYTES) throw new UserError('E3385', `${relative}: ${data.byteLength} bytes is more than one request may carry`);
    const final = this.pathOf(relative);
    await this.prepareFolder(path.dirname(final));
    if (sha256 !== undefined && createHash('sha256').update(data).digest('hex') !== sha256) {
      throw new UserError('E3373', `${relative} arrived with another checksum than the session's`);
    }
    const temp = path.join(path.dirname(final), `${this.tempPrefix}${this.nextFileId++}`);
    try {
      const fd = fsSync.openSync(temp, 'wx', 0o600);
      try {
        for (let offset = 0; offset < data.byteLength; ) offset += fsSync.writeSync(fd, data, offset, data.byteLength - offset, offset);
        fsSync.fchmodSync(fd, meta.mode & MODE_BITS);
        fsSync.futimesSync(fd, new Date(meta.mtimeMs), new Date(meta.mtimeMs));
      } finally {
        fsSync.closeSync(fd);
      }
    } catch (error) {
      throw new UserError('E3385', `${final}: ${(error as NodeJS.ErrnoException).code ?? describeError(error)}`);
    }
    this.written.push({ temp, final });
  }

  /** Syncs every file, renames each into place (or beside as .TMP), syncs the folders, then stamps the folders deepest first. */
  async commit(): Promise<CommitReport> {
    if (this.files.size > 0) throw new UserError('E3385', `${this.files.size} file(s) were still being written when the restore was committed`);
    if (!(await syncFileSystemOf(this.realRoot))) await inBatches(this.written, SYNC_PARALLEL, ({ temp, final }) => this.guard(final, () => syncFile(temp)));
    await this.journal.note({ kind: 'committing' });
    const pending: { tmp: string; final: string }[] = [];
    const touched = new Set<string>();
    for (const [index, { temp, final }] of this.written.entries()) {
      const existing = this.mode === 'beside' ? await lstatOrUndefined(final) : undefined;
      const target = existing && !existing.isDirectory() ? `${final}${TMP_SUFFIX}` : final;
      try {
        // Synchronous: a rename is microseconds, a thread-pool round trip several times that.
        fsSync.renameSync(temp, target);
      } catch (error) {
        const folder = (await lstatOrUndefined(final))?.isDirectory();
        throw new UserError('E3385', folder ? `${final} is a folder; the restored file cannot replace it` : `${final}: ${(error as NodeJS.ErrnoException).code ?? describeError(error)}`);
      }
      if (target !== final) pending.push({ tmp: target, final });
      touched.add(path.dirname(final));
      if (index % RENAMES_PER_TURN === RENAMES_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve));
    }
    if (!(await syncFileSystemOf(this.realRoot))) await inBatches([...touched], SYNC_PARALLEL, (directory) => syncDirectory(directory));
    const deepestFirst = [...this.directories].sort(([a], [b]) => b.length - a.length);
    for (const [directory, meta] of deepestFirst) {
      await fs.chmod(directory, meta.mode & MODE_BITS).catch(() => undefined);
      await fs.utimes(directory, new Date(meta.mtimeMs), new Date(meta.mtimeMs));
    }
    await this.journal.remove();
    return { files: this.written.length, directories: this.directories.size, pending };
  }

  /** Removes everything this restore wrote; the destination is as before it began. */
  async abort(): Promise<void> {
    for (const file of this.files.values()) await file.handle.close().catch(() => undefined);
    this.files.clear();
    await undoJournal(this.journal.file);
  }

  /** The folder exists as a real folder, and the journal names it as holding this restore's temporary files. */
  private async prepareFolder(dir: string): Promise<void> {
    await this.ensureFolder(dir);
    let noted = this.tempDirs.get(dir);
    if (!noted) {
      noted = this.journal.note({ kind: 'temps', dir, prefix: this.tempPrefix });
      this.tempDirs.set(dir, noted);
    }
    await noted;
  }

  private open(fileId: number): OpenFile {
    const file = this.files.get(fileId);
    if (!file) throw new UserError('E3385', `no file ${fileId} is being written in this restore`);
    return file;
  }

  private pathOf(relative: string): string {
    const reason = checkHostRelativePath(relative);
    if (reason !== undefined) throw pathRejected(relative, reason);
    return path.join(this.realRoot, ...relative.split('/'));
  }

  /**
   * Makes `dir` (below the root) a real folder: each component is checked once — a symbolic
   * link or junction is refused, a file in the way is an error — and missing ones are created,
   * each noted in the journal first. Safe when several files create the same folder at once.
   */
  private async ensureFolder(dir: string): Promise<void> {
    if (this.checked.has(dir)) return;
    const relative = path.relative(this.realRoot, dir);
    let current = this.realRoot;
    for (const segment of relative.split(path.sep)) {
      current = path.join(current, segment);
      if (this.checked.has(current)) continue;
      let stats = await lstatOrUndefined(current);
      if (!stats) {
        await this.journal.note({ kind: 'directory', path: current });
        await fs.mkdir(current).catch(async (error: NodeJS.ErrnoException) => {
          if (error.code !== 'EEXIST') throw new UserError('E3385', `${current}: ${error.code ?? error.message}`);
        });
        stats = await lstatOrUndefined(current);
      }
      if (stats?.isSymbolicLink()) throw symlinkRejected(path.relative(this.realRoot, dir), path.relative(this.realRoot, current));
      if (!stats?.isDirectory()) throw new UserError('E3385', `${current} exists and is not a folder`);
      this.checked.add(current);
    }
  }

  private async guard<T>(where: string, step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw new UserError('E3385', `${where}: ${(error as NodeJS.ErrnoException).code ?? describeError(error)}`);
    }
  }
}

/**
 * Linux: one syncfs(2) of the destination's file system (`sync -f`) makes every written file
 * durable at once — tens of thousands of fsyncs cost far more. False where that is not
 * available, and the caller syncs file by file.
 */
async function syncFileSystemOf(folder: string): Promise<boolean> {
  if (process.platform !== 'linux') return false;
  return new Promise((resolve) => {
    execFile('sync', ['-f', folder], (error) => resolve(error === null));
  });
}

async function syncFile(file: string): Promise<void> {
  const handle = await fs.open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function inBatches<T>(items: readonly T[], parallel: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += parallel) await Promise.all(items.slice(start, start + parallel).map(work));
}

async function createFolders(root: string, journal: RestoreJournal): Promise<void> {
  const missing: string[] = [];
  for (let current = root; !(await lstatOrUndefined(current)); current = path.dirname(current)) missing.unshift(current);
  for (const folder of missing) {
    await journal.note({ kind: 'directory', path: folder });
    await fs.mkdir(folder);
  }
}
