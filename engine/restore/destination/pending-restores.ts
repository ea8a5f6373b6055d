import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { UserError } from '../../messages/user-error';
import { runTestCommand } from '../../replica/assured-recovery/test-commands';
import { writeFileAtomic } from '../../util/atomic-file';

/**
 * Restored files waiting beside live ones as `<name>.TMP` because the application was running
 * at the original location. The list lives with the engine that wrote them; applying it
 * (`understudy apply-restore <job>`) checks the application is stopped, then renames each
 * `.TMP` over its live file.
 */
const PendingSchema = z.object({
  restoreId: z.string(),
  checkCommand: z.string(),
  createdAt: z.string(),
  files: z.array(z.object({ tmp: z.string(), final: z.string() })),
});
export type PendingRestore = z.infer<typeof PendingSchema>;

const CHECK_TIMEOUT_MS = 60_000;

export class PendingRestores {
  constructor(private readonly dir: string) {}

  async add(pending: PendingRestore): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    await writeFileAtomic(this.fileOf(pending.restoreId), JSON.stringify(pending));
  }

  async list(): Promise<PendingRestore[]> {
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    const lists = await Promise.all(names.filter((name) => name.endsWith('.json')).map(async (name) => PendingSchema.parse(JSON.parse(await fs.readFile(path.join(this.dir, name), 'utf8')))));
    return lists.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Swaps the restored files in once the application's check says it is stopped; refuses (E3384) while it runs. */
  async apply(restoreId: string): Promise<{ files: number }> {
    const file = this.fileOf(restoreId);
    const text = await fs.readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) throw new UserError('E3386', `no pending restore ${restoreId} on this host`);
    const pending = PendingSchema.parse(JSON.parse(text));
    if (await isApplicationRunning(pending.checkCommand)) throw new UserError('E3384', `"${pending.checkCommand}" reports it running`);
    for (const { tmp, final } of pending.files) {
      // A repeated apply after a crash finds some already renamed: those are done.
      await fs.rename(tmp, final).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw new UserError('E3385', `${final}: ${error.code ?? error.message}`);
      });
    }
    await fs.rm(file, { force: true });
    return { files: pending.files.length };
  }

  private fileOf(restoreId: string): string {
    if (!/^[0-9a-f-]{8,64}$/i.test(restoreId)) throw new UserError('E3386', `"${restoreId}" is not a restore id`);
    return path.join(this.dir, `${restoreId}.json`);
  }
}

/** The scenario's "is running" check: exit code 0 means the application runs. No command: not running. */
export async function isApplicationRunning(checkCommand: string): Promise<boolean> {
  if (checkCommand.trim() === '') return false;
  const outcome = await runTestCommand(checkCommand, {}, CHECK_TIMEOUT_MS);
  return outcome.exitCode === 0;
}
