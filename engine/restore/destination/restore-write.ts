import { createHash, type Hash } from 'node:crypto';
import fs, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { describeError } from '../../messages/describe-error';
import { UserError } from '../../messages/user-error';
import { lstatOrUndefined, resolveBelowRealRoot } from '../../replica/path-guard';
import { newTempFileName } from '../../replica/temp-files';
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

/**
 * One restore into one destination folder on this host. Every file is written to a temporary
 * name beside its place, checked against the sha256 the sender read from the session, and
 * synced; only `commit` renames them into place (so a failure anywhere before leaves nothing
 * half-done: `abort` removes the temporary files and the folders the restore created). Paths
 * are checked like replicated ones: nothing lands outside the folder, no symbolic link is followed.
 */
export class RestoreWrite {
  private readonly files = new Map<number, OpenFile>();
  private readonly written: { temp: string; final: string }[] = [];
  private readonly directories = new Map<string, EntryMeta>();
  private nextFileId = 1;

  private constructor(
    private readonly realRoot: string,
    private readonly mode: RestoreMode,
    private readonly journal: RestoreJournal,
  ) {}

  static async begin(options: { root: string; mode: RestoreMode; restoreId: string; journalDir: string }): Promise<RestoreWrite> {
    if (!path.isAbsolute(options.root)) throw new UserError('E3383', `"${options.root}" is not an absolute folder on this host`);
    const journal = await RestoreJournal.create(options.journalDir, options.restoreId);
    try {
      const existing = await lstatOrUndefined(options.root);
      if (existing && !existing.isDirectory()) throw new UserError('E3383', `${options.root} exists and is not a folder`);
      if (!existing) await createFolders(options.root, journal);
      return new RestoreWrite(await fs.realpath(options.root), options.mode, journal);
    } catch (error) {
      await journal.remove();
      throw error instanceof UserError ? error : new UserError('E3383', `${options.root}: ${describeError(error)}`);
    }
  }

  async directory(relative: string, meta: EntryMeta): Promise<void> {
    const full = await this.resolve(relative);
    const existing = await lstatOrUndefined(full);
    if (existing && !existing.isDirectory()) throw new UserError('E3385', `${full} exists and is not a folder`);
    if (!existing) await this.createParents(full, true);
    this.directories.set(full, meta);
  }

  async openFile(relative: string, size: number, meta: EntryMeta): Promise<number> {
    const final = await this.resolve(relative);
    await this.createParents(final, false);
    const temp = path.join(path.dirname(final), newTempFileName());
    await this.journal.note({ kind: 'temp', path: temp });
    const handle = await this.guard(final, () => fs.open(temp, 'wx', 0o600));
    const id = this.nextFileId++;
    this.files.set(id, { handle, temp, final, relative, size, meta, hash: createHash('sha256'), written: 0 });
    return id;
  }

  async write(fileId: number, data: Uint8Array): Promise<void> {
    const file = this.open(fileId);
    if (file.written + data.byteLength > file.size) throw new UserError('E3385', `more bytes than the ${file.size} expected for ${file.final}`);
    await this.guard(file.final, () => file.handle.write(data, 0, data.byteLength, file.written));
    file.hash.update(data);
    file.written += data.byteLength;
  }

  /** The file is complete: its bytes must be the session's (`sha256`), then it is synced and stamped. */
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
        await file.handle.sync();
      });
    } finally {
      await file.handle.close();
    }
    this.written.push({ temp: file.temp, final: file.final });
  }

  /** Renames every file into place (or beside as .TMP), then stamps the folders, deepest first. */
  async commit(): Promise<CommitReport> {
    if (this.files.size > 0) throw new UserError('E3385', `${this.files.size} file(s) were still being written when the restore was committed`);
    await this.journal.note({ kind: 'committing' });
    const pending: { tmp: string; final: string }[] = [];
    const touched = new Set<string>();
    for (const { temp, final } of this.written) {
      const existing = await lstatOrUndefined(final);
      if (existing?.isDirectory()) throw new UserError('E3385', `${final} is a folder; the restored file cannot replace it`);
      const target = this.mode === 'beside' && existing ? `${final}${TMP_SUFFIX}` : final;
      await this.guard(final, () => fs.rename(temp, target));
      if (target !== final) pending.push({ tmp: target, final });
      touched.add(path.dirname(final));
    }
    for (const directory of touched) await syncDirectory(directory);
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

  private open(fileId: number): OpenFile {
    const file = this.files.get(fileId);
    if (!file) throw new UserError('E3385', `no file ${fileId} is being written in this restore`);
    return file;
  }

  private async resolve(relative: string): Promise<string> {
    return resolveBelowRealRoot(this.realRoot, relative);
  }

  /** Creates the missing folders up to `full` (its parent only, unless `self`), each noted in the journal first. */
  private async createParents(full: string, self: boolean): Promise<void> {
    const target = self ? full : path.dirname(full);
    if (target === this.realRoot) return;
    const relative = path.relative(this.realRoot, target);
    let current = this.realRoot;
    for (const segment of relative.split(path.sep)) {
      current = path.join(current, segment);
      const stats = await lstatOrUndefined(current);
      if (stats?.isDirectory()) continue;
      if (stats) throw new UserError('E3385', `${current} exists and is not a folder`);
      await this.journal.note({ kind: 'directory', path: current });
      await this.guard(current, () => fs.mkdir(current));
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

async function createFolders(root: string, journal: RestoreJournal): Promise<void> {
  const missing: string[] = [];
  for (let current = root; !(await lstatOrUndefined(current)); current = path.dirname(current)) missing.unshift(current);
  for (const folder of missing) {
    await journal.note({ kind: 'directory', path: folder });
    await fs.mkdir(folder);
  }
}
