import { z } from 'zod';
import { ScenarioTypeSchema } from '../scenario/model';
import { DEFAULT_REPLICATION_OPTIONS, type ReplicationOptions } from '../scenario/options';
import type { JournalSettings } from './journal/rewind-journal';

/**
 * The part of a scenario's options a Replica engine acts on (journal, snapshots, Assured
 * Recovery), sent with every `replica.prepare` and kept in the Replica's state file.
 */
export const ProtectionSettingsSchema = z.object({
  type: ScenarioTypeSchema,
  dataRewind: z.boolean(),
  rewindRetentionHours: z.number().min(0),
  rewindMaxBytes: z.number().int().min(0),
  snapshotsToKeep: z.number().int().min(1),
  arEnabled: z.boolean(),
  arStartCommand: z.string().max(4000),
  arVerifyCommand: z.string().max(4000),
  arStopCommand: z.string().max(4000),
  arTimeoutSeconds: z.number().int().min(1),
});
export type ProtectionSettings = z.infer<typeof ProtectionSettingsSchema>;

export function protectionSettings(type: ProtectionSettings['type'], options: ReplicationOptions = DEFAULT_REPLICATION_OPTIONS): ProtectionSettings {
  const { dataRewind, rewindRetentionHours, rewindMaxBytes, snapshotsToKeep, arEnabled, arStartCommand, arVerifyCommand, arStopCommand, arTimeoutSeconds } = options;
  return { type, dataRewind, rewindRetentionHours, rewindMaxBytes, snapshotsToKeep, arEnabled, arStartCommand, arVerifyCommand, arStopCommand, arTimeoutSeconds };
}

export const DEFAULT_PROTECTION_SETTINGS = protectionSettings('FileServer');

export function journalSettings(settings: ProtectionSettings): JournalSettings {
  return { enabled: settings.dataRewind, retentionMs: settings.rewindRetentionHours * 3_600_000, maxBytes: settings.rewindMaxBytes };
}
