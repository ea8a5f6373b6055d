import fs from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../../util/atomic-file';
import type { AdminCredentials } from '../engine-clients';
import type { SecretBox } from './secret-box';

const EntriesSchema = z.array(z.object({ host: z.string().min(1).max(300), user: z.string().min(1).max(200), password: z.string().min(1).max(1000) })).max(10_000);
const FileSchema = z.object({ version: z.literal(1), box: z.string(), sealed: z.base64() });

export interface VaultProblem {
  /** Why the stored credentials could not be read; they are then asked for again. */
  readonly detail: string;
}

/**
 * Engine administrator credentials the manager keeps between runs, so a job scheduled for
 * Friday night still reaches its Master and Replica engines after a restart. The whole list
 * (host names, users and passwords) is sealed as one blob by the SecretBox; nothing of it is
 * readable in the file, and the API only ever returns host and user.
 */
export class CredentialVault {
  private constructor(
    private readonly file: string,
    private readonly box: SecretBox,
    private readonly entries: Map<string, AdminCredentials & { host: string }>,
  ) {}

  /** Opens the vault; a file that cannot be opened (another key, damaged) leaves it empty and says why, so nothing crashes. */
  static async open(file: string, box: SecretBox, onProblem: (problem: VaultProblem) => void): Promise<CredentialVault> {
    const entries = new Map<string, AdminCredentials & { host: string }>();
    let raw: string | undefined;
    try {
      raw = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') onProblem({ detail: `${file}: ${(error as Error).message}` });
    }
    if (raw !== undefined) {
      try {
        const stored = FileSchema.parse(JSON.parse(raw));
        const list = EntriesSchema.parse(JSON.parse(box.open(Buffer.from(stored.sealed, 'base64')).toString('utf8')));
        for (const entry of list) entries.set(keyOf(entry.host), entry);
      } catch (error) {
        onProblem({ detail: `${file} could not be opened with the ${box.kind} (${(error as Error).message}); stored credentials will be asked for again` });
      }
    }
    return new CredentialVault(file, box, entries);
  }

  get(host: string): AdminCredentials | undefined {
    const entry = this.entries.get(keyOf(host));
    return entry ? { user: entry.user, password: entry.password } : undefined;
  }

  /** Host and user of each stored entry: what the UI may show. */
  list(): { host: string; user: string }[] {
    return [...this.entries.values()].map(({ host, user }) => ({ host, user })).sort((a, b) => a.host.localeCompare(b.host));
  }

  async set(host: string, credentials: AdminCredentials): Promise<void> {
    const known = this.entries.get(keyOf(host));
    if (known?.user === credentials.user && known.password === credentials.password) return;
    this.entries.set(keyOf(host), { host, user: credentials.user, password: credentials.password });
    await this.save();
  }

  async forget(host: string): Promise<boolean> {
    if (!this.entries.delete(keyOf(host))) return false;
    await this.save();
    return true;
  }

  private async save(): Promise<void> {
    const sealed = this.box.seal(Buffer.from(JSON.stringify([...this.entries.values()]), 'utf8'));
    await writeFileAtomic(this.file, JSON.stringify({ version: 1, box: this.box.kind, sealed: sealed.toString('base64') }), 0o600);
  }
}

function keyOf(host: string): string {
  return host.trim().toLowerCase();
}
