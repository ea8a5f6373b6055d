import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EngineClient } from '../manager/engine-clients';
import { MAX_RESTORE_CHUNK } from './destination/restore-target-service';

const FileIdSchema = z.object({ fileId: z.number().int() });
const CommitSchema = z.object({ files: z.number().int(), directories: z.number().int(), pending: z.number().int() });
export type CommitReply = z.infer<typeof CommitSchema>;

export interface EntryStat {
  readonly mtimeMs: number;
  readonly mode: number;
}

/**
 * One restore into one destination folder, driven from the manager over the destination
 * engine's restore channels (restore-target-service.ts): nothing is in place until `commit`.
 */
export class RestoreTargetClient {
  readonly restoreId = randomUUID();

  private constructor(
    private readonly engine: EngineClient,
    readonly root: string,
  ) {}

  static async begin(engine: EngineClient, root: string, mode: 'in-place' | 'beside'): Promise<RestoreTargetClient> {
    const target = new RestoreTargetClient(engine, root);
    await engine.call('restore.begin', { restoreId: target.restoreId, root, mode });
    return target;
  }

  async directory(relative: string, stat: EntryStat): Promise<void> {
    await this.engine.call('restore.directory', { restoreId: this.restoreId, path: relative, mtimeMs: stat.mtimeMs, mode: stat.mode });
  }

  /** Sends a file's bytes in pieces; the destination checks them against `sha256` (when known) before keeping the file. */
  async file(relative: string, size: number, stat: EntryStat, content: AsyncIterable<Buffer>, sha256: string | undefined): Promise<void> {
    const { fileId } = FileIdSchema.parse(await this.engine.call('restore.file-open', { restoreId: this.restoreId, path: relative, size, mtimeMs: stat.mtimeMs, mode: stat.mode }));
    for await (const chunk of content) {
      for (let offset = 0; offset < chunk.length; offset += MAX_RESTORE_CHUNK) {
        await this.engine.call('restore.file-write', { restoreId: this.restoreId, fileId, data: chunk.subarray(offset, offset + MAX_RESTORE_CHUNK) });
      }
    }
    await this.engine.call('restore.file-close', { restoreId: this.restoreId, fileId, ...(sha256 ? { sha256 } : {}) });
  }

  /** A file small enough for one request (at most MAX_RESTORE_CHUNK bytes), in one round trip. */
  async smallFile(relative: string, data: Buffer, stat: EntryStat, sha256: string | undefined): Promise<void> {
    await this.engine.call('restore.file-whole', { restoreId: this.restoreId, path: relative, data, mtimeMs: stat.mtimeMs, mode: stat.mode, ...(sha256 ? { sha256 } : {}) });
  }

  async commit(checkCommand: string): Promise<CommitReply> {
    return CommitSchema.parse(await this.engine.call('restore.commit', { restoreId: this.restoreId, checkCommand }));
  }

  async abort(): Promise<void> {
    await this.engine.call('restore.abort', { restoreId: this.restoreId }).catch(() => undefined);
  }
}
