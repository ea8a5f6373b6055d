import path from 'node:path';
import { z } from 'zod';
import { UserError } from '../../messages/user-error';
import type { Channels } from '../../runtime/channel-registry';
import type { EngineParts, EngineService } from '../../runtime/engine-runtime';
import { listBelow, readBelow } from './host-files';
import { isApplicationRunning, PendingRestores } from './pending-restores';
import { undoUnfinishedRestores } from './restore-journal';
import { RestoreWrite } from './restore-write';

const Bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes');
const RestoreRef = z.object({ restoreId: z.uuid() });
const RelativePath = z.string().min(1).max(4096);
const Meta = { mtimeMs: z.number().finite(), mode: z.number().int().min(0) };
const AbsoluteFolder = z.string().min(1).max(4096);
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
export const MAX_RESTORE_CHUNK = 4 * 1024 * 1024;
const Chunk = Bytes.refine((bytes) => bytes.byteLength <= MAX_RESTORE_CHUNK, `at most ${MAX_RESTORE_CHUNK} bytes`);
// Built once: each file of a restore goes through these (building a zod schema per call costs more than the write).
const BeginSchema = RestoreRef.extend({ root: AbsoluteFolder, mode: z.enum(['in-place', 'beside']) });
const DirectorySchema = RestoreRef.extend({ path: RelativePath, ...Meta });
const FileOpenSchema = RestoreRef.extend({ path: RelativePath, size: z.number().int().min(0), ...Meta });
const FileWriteSchema = RestoreRef.extend({ fileId: z.number().int(), data: Chunk });
const FileWholeSchema = RestoreRef.extend({ path: RelativePath, data: Chunk, sha256: Sha256.optional(), ...Meta });
const FileCloseSchema = RestoreRef.extend({ fileId: z.number().int(), sha256: Sha256.optional() });
const CommitSchema = RestoreRef.extend({ checkCommand: z.string().max(4000).default('') });
const HostListSchema = z.object({ root: AbsoluteFolder, path: z.string().max(4096), after: z.string().max(1024).optional(), limit: z.number().int().min(1).max(10_000) });
const HostReadSchema = z.object({ root: AbsoluteFolder, path: RelativePath, offset: z.number().int().min(0), length: z.number().int().min(1).max(MAX_RESTORE_CHUNK) });
/** A restore the manager stopped talking to (its connection died) is undone after this long. */
const IDLE_LIMIT_MS = 10 * 60_000;

/**
 * The receiving end of restores on this host: any engine can be a restore destination (the
 * Master's, a Replica's, or any host's for an alternate location). The manager streams the
 * session's content through these channels; the engine writes it safely (restore-write.ts).
 */
export class RestoreTargetService implements EngineService {
  private readonly restores = new Map<string, { write: RestoreWrite; usedAt: number }>();
  private readonly pending: PendingRestores;
  private readonly journalDir: string;
  private readonly timer: NodeJS.Timeout;

  private constructor(parts: EngineParts) {
    this.journalDir = path.join(parts.stateDir, 'restores', 'unfinished');
    this.pending = new PendingRestores(path.join(parts.stateDir, 'restores', 'pending'));
    this.timer = setInterval(() => void this.abortIdle(), 60_000);
    this.timer.unref();
  }

  /** Undoes what restores cut short by the previous process's end had written. */
  static async start(parts: EngineParts): Promise<RestoreTargetService> {
    const service = new RestoreTargetService(parts);
    const undone = await undoUnfinishedRestores(service.journalDir);
    if (undone > 0) parts.events.record({ severity: 'warning', text: `${undone} restore(s) cut short by the engine's stop were undone: nothing they had written was kept` });
    return service;
  }

  adminChannels(): Channels {
    return {
      'restore.begin': async (body) => {
        const { restoreId, root, mode } = BeginSchema.parse(body);
        if (this.restores.has(restoreId)) throw new UserError('E3385', `restore ${restoreId} has already begun`);
        this.restores.set(restoreId, { write: await RestoreWrite.begin({ root, mode, restoreId, journalDir: this.journalDir }), usedAt: Date.now() });
        return {};
      },
      'restore.directory': async (body) => {
        const { restoreId, path: relative, ...meta } = DirectorySchema.parse(body);
        await this.write(restoreId).directory(relative, meta);
        return {};
      },
      'restore.file-open': async (body) => {
        const { restoreId, path: relative, size, ...meta } = FileOpenSchema.parse(body);
        return { fileId: await this.write(restoreId).openFile(relative, size, meta) };
      },
      'restore.file-write': async (body) => {
        const { restoreId, fileId, data } = FileWriteSchema.parse(body);
        await this.write(restoreId).write(fileId, data);
        return {};
      },
      'restore.file-whole': async (body) => {
        const { restoreId, path: relative, data, sha256, ...meta } = FileWholeSchema.parse(body);
        await this.write(restoreId).wholeFile(relative, data, meta, sha256);
        return {};
      },
      'restore.file-close': async (body) => {
        const { restoreId, fileId, sha256 } = FileCloseSchema.parse(body);
        await this.write(restoreId).closeFile(fileId, sha256);
        return {};
      },
      'restore.commit': async (body) => {
        const { restoreId, checkCommand } = CommitSchema.parse(body);
        const report = await this.write(restoreId).commit();
        this.restores.delete(restoreId);
        if (report.pending.length > 0) await this.pending.add({ restoreId, checkCommand, createdAt: new Date().toISOString(), files: [...report.pending] });
        return { files: report.files, directories: report.directories, pending: report.pending.length };
      },
      'restore.abort': async (body) => {
        const { restoreId } = RestoreRef.parse(body);
        const entry = this.restores.get(restoreId);
        this.restores.delete(restoreId);
        await entry?.write.abort();
        return {};
      },
      'restore.app-running': async (body) => ({ running: await isApplicationRunning(z.object({ command: z.string().max(4000) }).parse(body).command) }),
      'restore.pending-list': () => this.pending.list(),
      'restore.pending-apply': (body) => this.pending.apply(RestoreRef.parse(body).restoreId),
      'restore.host-list': (body) => {
        const { root, path: relative, after, limit } = HostListSchema.parse(body);
        return listBelow(root, relative, after, limit);
      },
      'restore.host-read': (body) => {
        const { root, path: relative, offset, length } = HostReadSchema.parse(body);
        return readBelow(root, relative, offset, length);
      },
    };
  }

  replicationChannels(): Channels {
    return {};
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    for (const { write } of this.restores.values()) await write.abort().catch(() => undefined);
    this.restores.clear();
  }

  private write(restoreId: string): RestoreWrite {
    const entry = this.restores.get(restoreId);
    if (!entry) throw new UserError('E3385', `restore ${restoreId} is not in progress on this host (it ended, or the engine restarted)`);
    entry.usedAt = Date.now();
    return entry.write;
  }

  private async abortIdle(): Promise<void> {
    for (const [restoreId, { write, usedAt }] of this.restores) {
      if (Date.now() - usedAt < IDLE_LIMIT_MS) continue;
      this.restores.delete(restoreId);
      await write.abort().catch(() => undefined);
    }
  }
}
