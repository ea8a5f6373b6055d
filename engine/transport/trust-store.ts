import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../util/atomic-file';

const TrustSchema = z.record(z.string(), z.string());

export type TrustVerdict = 'trusted' | 'new' | 'mismatch';

/**
 * Engine certificates pinned per host:port, trusted on first use like SSH's known_hosts; a
 * later change is refused (E1205) until the administrator forgets the old one.
 */
export class TrustStore {
  constructor(private readonly file: string) {}

  async check(endpoint: string, fingerprint: string): Promise<TrustVerdict> {
    const known = (await this.read())[endpoint];
    if (known === undefined) return 'new';
    return known === fingerprint ? 'trusted' : 'mismatch';
  }

  async trust(endpoint: string, fingerprint: string): Promise<void> {
    const all = await this.read();
    all[endpoint] = fingerprint;
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, JSON.stringify(all, null, 2));
  }

  async forget(endpoint: string): Promise<void> {
    const all = await this.read();
    delete all[endpoint];
    await writeFileAtomic(this.file, JSON.stringify(all, null, 2));
  }

  private async read(): Promise<Record<string, string>> {
    try {
      return TrustSchema.parse(JSON.parse(await fs.readFile(this.file, 'utf8')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
  }
}
