import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { Clock } from '../../clock';
import type { ActivityLog } from './activity-log';
import { refuse } from './refusals';

export const DeviceSchema = z.object({
  id: z.number().int(),
  groupId: z.number().int(),
  name: z.string(),
  kind: z.literal('disk'),
  /** The folder media are created in, on the backup server. */
  path: z.string(),
  capacityBytes: z.number().int().nullable(),
  createdAt: z.string(),
});
export type Device = z.infer<typeof DeviceSchema>;

export const DeviceGroupSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  createdAt: z.string(),
  devices: z.array(DeviceSchema),
});
export type DeviceGroup = z.infer<typeof DeviceGroupSchema>;

export interface NewDiskDevice {
  groupId: number;
  name: string;
  path: string;
  capacityBytes?: number | null;
}

interface DeviceRow {
  id: number;
  group_id: number;
  name: string;
  kind: string;
  path: string;
  capacity_bytes: number | null;
  created_at: string;
}

/**
 * Device groups and their disk devices (folders). Recording only: whether a folder exists and
 * has room is checked when a backup writes to it, as it may change between now and then.
 */
export class Devices {
  constructor(
    private readonly db: Database,
    private readonly activity: ActivityLog,
    private readonly clock: Clock,
  ) {}

  createGroup(name: string): DeviceGroup {
    const trimmed = name.trim();
    if (this.db.prepare('SELECT 1 FROM device_groups WHERE name = ? COLLATE NOCASE').get(trimmed)) {
      throw refuse({ kind: 'name-taken', what: 'device group', name: trimmed });
    }
    const id = Number(this.db.prepare('INSERT INTO device_groups (name, created_at) VALUES (?, ?)').run(trimmed, this.clock.now().toISOString()).lastInsertRowid);
    this.activity.append({ type: 'Information', message: `Device group "${trimmed}" created` });
    return this.requireGroup(id);
  }

  addDiskDevice(device: NewDiskDevice): Device {
    const group = this.requireGroup(device.groupId);
    const name = device.name.trim();
    // The folder is kept as given but must be absolute: a relative one would move with the working directory.
    const folder = path.resolve(device.path);
    if (this.db.prepare('SELECT 1 FROM devices WHERE name = ? COLLATE NOCASE').get(name)) throw refuse({ kind: 'name-taken', what: 'device', name });
    if (this.db.prepare('SELECT 1 FROM devices WHERE path = ?').get(folder)) throw refuse({ kind: 'name-taken', what: 'device folder', name: folder });
    const id = Number(
      this.db
        .prepare('INSERT INTO devices (group_id, name, kind, path, capacity_bytes, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(group.id, name, 'disk', folder, device.capacityBytes ?? null, this.clock.now().toISOString()).lastInsertRowid,
    );
    this.activity.append({ type: 'Information', message: `Disk device "${name}" (${folder}) added to device group "${group.name}"` });
    return this.requireDevice(id);
  }

  groups(): DeviceGroup[] {
    const rows = this.db.prepare('SELECT id FROM device_groups ORDER BY name COLLATE NOCASE').pluck().all() as number[];
    return rows.map((id) => this.requireGroup(id));
  }

  group(id: number): DeviceGroup | undefined {
    const row = this.db.prepare('SELECT id, name, created_at FROM device_groups WHERE id = ?').get(id) as
      | { id: number; name: string; created_at: string }
      | undefined;
    if (!row) return undefined;
    const devices = (this.db.prepare('SELECT * FROM devices WHERE group_id = ? ORDER BY id').all(id) as DeviceRow[]).map(toDevice);
    return DeviceGroupSchema.parse({ id: row.id, name: row.name, createdAt: row.created_at, devices });
  }

  requireGroup(id: number): DeviceGroup {
    const group = this.group(id);
    if (!group) throw refuse({ kind: 'device-group-not-found', groupId: id });
    return group;
  }

  device(id: number): Device | undefined {
    const row = this.db.prepare('SELECT * FROM devices WHERE id = ?').get(id) as DeviceRow | undefined;
    return row ? toDevice(row) : undefined;
  }

  requireDevice(id: number): Device {
    const device = this.device(id);
    if (!device) throw refuse({ kind: 'device-not-found', deviceId: id });
    return device;
  }
}

function toDevice(row: DeviceRow): Device {
  return DeviceSchema.parse({
    id: row.id,
    groupId: row.group_id,
    name: row.name,
    kind: row.kind,
    path: row.path,
    capacityBytes: row.capacity_bytes,
    createdAt: row.created_at,
  });
}
