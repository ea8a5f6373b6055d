import fs from 'node:fs/promises';
import { z } from 'zod';
import { ScenarioTypeSchema } from '../../scenario/model';
import { FORMAT, FORMAT_VERSION } from './format';
import { writeFully } from './streams';
import type { ChunkSealer } from './encryption';

/**
 * The manifest: who the session belongs to and every entry with its size, mtime, mode and
 * sha256, in archive order. Plain JSON laid out one entry per line, so `jq`, `grep` and
 * `JSON.parse` all read it, and the writer appends to it on disk instead of holding a
 * million-file list in memory.
 */
export const ManifestBaseSchema = z.object({
  session: z.number().int().min(0),
  scenario: z.object({ id: z.string(), name: z.string(), type: ScenarioTypeSchema }),
  entity: z.string(),
  masterHost: z.string(),
});
export type ManifestBase = z.infer<typeof ManifestBaseSchema>;

export const ManifestHeaderSchema = ManifestBaseSchema.extend({
  format: z.literal(FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  createdAt: z.string(),
  compression: z.enum(['gzip', 'none']),
  encryption: z.enum(['none', 'UNDERSTUDY-ENC1']),
});
export type ManifestHeader = z.infer<typeof ManifestHeaderSchema>;

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
export const ManifestEntrySchema = z.discriminatedUnion('kind', [
  z.object({ path: z.string(), kind: z.literal('directory'), mtime: z.string(), mode: z.number().int() }),
  z.object({ path: z.string(), kind: z.literal('file'), size: z.number().int().min(0), mtime: z.string(), mode: z.number().int(), sha256: Sha256Hex }),
]);
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;

export const TotalsSchema = z.object({ files: z.number().int(), directories: z.number().int(), bytes: z.number().int() });
export type Totals = z.infer<typeof TotalsSchema>;

export const ManifestSchema = ManifestHeaderSchema.extend({ files: z.array(ManifestEntrySchema), totals: TotalsSchema });
export type Manifest = z.infer<typeof ManifestSchema>;
export type ManifestSummary = ManifestHeader & { totals: Totals };

export function parseManifest(bytes: Buffer): Manifest {
  return ManifestSchema.parse(JSON.parse(bytes.toString('utf8')));
}

const FLUSH_BYTES = 256 * 1024;

/**
 * Appends a manifest to a file as entries come; `close` completes the JSON and makes it
 * durable. With a sealer the file is UNDERSTUDY-ENC1 from its first byte, so an encrypted
 * session never has its file list in clear on the device, even while it is being written.
 */
export class ManifestSpool {
  private pending: string[] = [];
  private pendingBytes = 0;
  private first = true;
  private plainBytes = 0;

  private constructor(
    private readonly handle: fs.FileHandle,
    private readonly sealer: ChunkSealer | undefined,
  ) {}

  static async create(file: string, header: ManifestHeader, sealer?: ChunkSealer): Promise<ManifestSpool> {
    const spool = new ManifestSpool(await fs.open(file, 'w', 0o600), sealer);
    if (sealer) await writeFully(spool.handle, sealer.start());
    spool.push(`${JSON.stringify(header).slice(0, -1)},\n"files":[\n`);
    return spool;
  }

  async add(entry: ManifestEntry): Promise<void> {
    this.push(`${this.first ? '' : ',\n'}${JSON.stringify(entry)}`);
    this.first = false;
    if (this.pendingBytes >= FLUSH_BYTES) await this.flush();
  }

  /** Returns the size of the manifest's JSON (before encryption). */
  async close(totals: Totals): Promise<number> {
    this.push(`${this.first ? '' : '\n'}],\n"totals":${JSON.stringify(totals)}}\n`);
    await this.flush();
    if (this.sealer) for (const sealed of this.sealer.end()) await writeFully(this.handle, sealed);
    await this.handle.sync();
    await this.handle.close();
    return this.plainBytes;
  }

  async discard(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }

  private push(text: string): void {
    this.pending.push(text);
    this.pendingBytes += text.length;
  }

  private async flush(): Promise<void> {
    const plain = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingBytes = 0;
    this.plainBytes += plain.length;
    for (const data of this.sealer ? this.sealer.push(plain) : [plain]) await writeFully(this.handle, data);
  }
}
