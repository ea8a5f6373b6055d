import type { Connection } from '../../transport/connection';
import { encodeChangeRecord, recordDataBytes, type ChangeRecord } from '../change-record';

const MAX_BATCH_RECORDS = 512;
const MAX_BATCH_BYTES = 8 * 1024 * 1024;

/** Groups synchronization records into few round trips (50,000 small files must not cost 50,000 of them). */
export class SyncBatch {
  private records: Uint8Array[] = [];
  private bytes = 0;

  constructor(private readonly connection: Connection) {}

  async add(record: ChangeRecord): Promise<void> {
    const encoded = encodeChangeRecord(record);
    if (this.records.length > 0 && (this.records.length >= MAX_BATCH_RECORDS || this.bytes + encoded.byteLength > MAX_BATCH_BYTES)) await this.flush();
    this.records.push(encoded);
    this.bytes += encoded.byteLength;
  }

  async flush(): Promise<void> {
    if (this.records.length === 0) return;
    const records = this.records;
    this.records = [];
    this.bytes = 0;
    await this.connection.request('rep.sync-apply', { records });
  }
}

export function dataBytes(record: ChangeRecord): number {
  return recordDataBytes(record);
}
