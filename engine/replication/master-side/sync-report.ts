import fs from 'node:fs';
import path from 'node:path';
import type { SyncReportLine } from './synchronizer';

/**
 * The Synchronization report: one JSON line per file transferred, patched or removed (name,
 * action, bytes), one file per Replica per synchronization, written as it goes so a
 * synchronization of a million files never holds its report in memory.
 */
export class SyncReportWriter {
  private readonly streams = new Map<string, fs.WriteStream>();

  constructor(private readonly dir: string) {}

  write(line: SyncReportLine & { replicaId: string }): void {
    let stream = this.streams.get(line.replicaId);
    if (!stream) {
      fs.mkdirSync(this.dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      stream = fs.createWriteStream(path.join(this.dir, `synchronization-${stamp}-${line.replicaId}.jsonl`));
      this.streams.set(line.replicaId, stream);
    }
    stream.write(`${JSON.stringify({ time: new Date().toISOString(), action: line.action, root: line.root, path: line.path, bytes: line.bytes })}\n`);
  }

  /** Ends the current report of a Replica (its synchronization finished). */
  finish(replicaId: string): void {
    this.streams.get(replicaId)?.end();
    this.streams.delete(replicaId);
  }
}
