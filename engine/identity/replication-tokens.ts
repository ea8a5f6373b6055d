import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../util/atomic-file';

/**
 * A Replica engine issues one random token per (scenario, Replica) when a manager prepares
 * the scenario; the Master presents it to replicate. The Replica keeps only its SHA-256 (the
 * token is 256 random bits, so a fast hash is enough), and the Master never learns the
 * Replica's administrator password.
 */
const TOKENS_FILE = 'replication-tokens.json';
const TokensSchema = z.record(z.string(), z.string());

function keyOf(scenarioId: string, replicaId: string): string {
  return `${scenarioId}/${replicaId}`;
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

async function readTokens(dir: string): Promise<Record<string, string>> {
  try {
    return TokensSchema.parse(JSON.parse(await fs.readFile(path.join(dir, TOKENS_FILE), 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}

export class ReplicationTokens {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dir: string) {}

  /** A fresh token replaces any earlier one for the same Replica of the scenario. */
  issue(scenarioId: string, replicaId: string): Promise<string> {
    return this.serialized(async () => {
      const token = randomBytes(32).toString('base64url');
      const tokens = await readTokens(this.dir);
      tokens[keyOf(scenarioId, replicaId)] = digest(token).toString('base64');
      await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
      await writeFileAtomic(path.join(this.dir, TOKENS_FILE), JSON.stringify(tokens), 0o600);
      return token;
    });
  }

  async verify(scenarioId: string, replicaId: string, token: string): Promise<boolean> {
    const stored = (await readTokens(this.dir))[keyOf(scenarioId, replicaId)];
    if (stored === undefined) return false;
    return timingSafeEqual(Buffer.from(stored, 'base64'), digest(token));
  }

  revoke(scenarioId: string, replicaId: string): Promise<void> {
    return this.serialized(async () => {
      const tokens = await readTokens(this.dir);
      delete tokens[keyOf(scenarioId, replicaId)];
      await writeFileAtomic(path.join(this.dir, TOKENS_FILE), JSON.stringify(tokens), 0o600);
    });
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
