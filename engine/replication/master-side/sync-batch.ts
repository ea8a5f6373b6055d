import type { Connection } from '../../transport/connection';
import { encodeChangeRecord, type ChangeRecord } from '../change-record';

const MAX_BATCH_RECORDS = 512;
const MAX_BATCH_BYTES = 8 * 1024 * 1024;

const BATCHES_IN_FLIGHT = 3;

/**
 * Groups synchronization records into few round trips (50,000 small files must not cost
 * 50,000 of them), and keeps a few batches in flight so the Replica applies one while the
 * Master reads the next. `flush` waits for every batch sent so far.
 */
export class SyncBatch {
  private records: Uint8Array[] = [];
  private bytes = 0;
  private readonly inFlight: Promise<unknown>[] = [];

  constructor(private readonly connection: Connection) {}

  async add(record: ChangeRecord): Promise<void> {
    const encoded = encodeChangeRecord(record);
    if (this.records.length > 0 && (this.records.length >= MAX_BATCH_RECORDS || this.bytes + encoded.byteLength > MAX_BATCH_BYTES)) await this.send();
    this.records.push(encoded);
    this.bytes += encoded.byteLength;
  }

  async flush(): Promise<void> {
    await this.send();
    await Promise.all(this.inFlight.splice(0));
  }

  private async send(): Promise<void> {
    if (this.records.length > 0) {
      const records = this.records;
      this.records = [];
      this.bytes = 0;
      const sending = this.connection.request('rep.sync-apply', { records });
      sending.catch(() => undefined);
      this.inFlight.push(sending);
    }
    // The Replica applies synchronization batches one after another in the order sent.
    while (this.inFlight.length >= BATCHES_IN_FLIGHT) await this.inFlight.shift();
  }
}
