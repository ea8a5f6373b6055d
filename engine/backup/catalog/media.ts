import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { Clock } from '../../clock';
import type { ActivityLog } from './activity-log';
import type { Devices } from './devices';

export const MediaSchema = z.object({
  /** Random UUID: tells two media apart even if a catalog is rebuilt and names repeat. */
  id: z.string(),
  name: z.string(),
  /** Its number on the local day it was created, as in its name. */
  sequence: z.number().int(),
  pool: z.string().nullable(),
  groupId: z.number().int(),
  deviceId: z.number().int(),
  createdAt: z.string(),
});
export type Media = z.infer<typeof MediaSchema>;

/** "BACKUP-2026-11-26-0001": the local day it was created and its number that day. Pure. */
export function mediaName(day: string, sequence: number): string {
  return `BACKUP-${day}-${String(sequence).padStart(4, '0')}`;
}

/** "2026-11-26" in the backup server's local time, as the administrator reads the day. */
export function localDay(instant: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

interface MediaRow {
  id: string;
  name: string;
  sequence: number;
  pool: string | null;
  group_id: number;
  device_id: number;
  created_at: string;
}

/** Media on disk devices, created as backups need them. */
export class MediaStore {
  constructor(
    private readonly db: Database,
    private readonly devices: Devices,
    private readonly activity: ActivityLog,
    private readonly clock: Clock,
  ) {}

  /** A new media on `deviceId`, named for today with the next free number. */
  create(options: { deviceId: number; pool?: string | null | undefined; runId?: number | null | undefined }): Media {
    const device = this.devices.requireDevice(options.deviceId);
    const group = this.devices.requireGroup(device.groupId);
    const now = this.clock.now();
    const day = localDay(now);
    const id = randomUUID();
    const media = this.db.transaction(() => {
      const last = this.db.prepare('SELECT max(sequence) FROM media WHERE day = ?').pluck().get(day) as number | null;
      const sequence = (last ?? 0) + 1;
      const name = mediaName(day, sequence);
      this.db
        .prepare('INSERT INTO media (id, name, day, sequence, pool, group_id, device_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(id, name, day, sequence, options.pool ?? null, group.id, device.id, now.toISOString());
      return this.require(id);
    })();
    this.activity.append({
      type: 'Information',
      runId: options.runId ?? null,
      message: `Media ${media.name} (ID ${media.id}${media.pool ? `, pool ${media.pool}` : ''}) created on device "${device.name}" in group "${group.name}"`,
    });
    return media;
  }

  get(id: string): Media | undefined {
    const row = this.db.prepare('SELECT * FROM media WHERE id = ?').get(id) as MediaRow | undefined;
    return row ? toMedia(row) : undefined;
  }

  byName(name: string): Media | undefined {
    const row = this.db.prepare('SELECT * FROM media WHERE name = ?').get(name) as MediaRow | undefined;
    return row ? toMedia(row) : undefined;
  }

  list(filter: { groupId?: number; deviceId?: number } = {}): Media[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM media WHERE (@groupId IS NULL OR group_id = @groupId) AND (@deviceId IS NULL OR device_id = @deviceId)
         ORDER BY created_at, name`,
      )
      .all({ groupId: filter.groupId ?? null, deviceId: filter.deviceId ?? null }) as MediaRow[];
    return rows.map(toMedia);
  }

  private require(id: string): Media {
    const media = this.get(id);
    if (!media) throw new Error(`media ${id} vanished inside its own transaction`);
    return media;
  }
}

function toMedia(row: MediaRow): Media {
  return MediaSchema.parse({
    id: row.id,
    name: row.name,
    sequence: row.sequence,
    pool: row.pool,
    groupId: row.group_id,
    deviceId: row.device_id,
    createdAt: row.created_at,
  });
}
