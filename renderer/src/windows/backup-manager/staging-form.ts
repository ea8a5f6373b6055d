import type { BackupJobOptions, DeviceGroup } from './backup-types';

/**
 * The Staging tab as typed: whether sessions are written to a staging device group first, which
 * one (never the destination group), and how many hours after each session is written it
 * migrates to the destination group (0: as soon as it is written). The engine migrates them.
 */
export interface StagingForm {
  enabled: boolean;
  deviceGroupId: number | undefined;
  hours: string;
}

export type Staging = NonNullable<BackupJobOptions['staging']>;

export const DEFAULT_STAGING: StagingForm = { enabled: false, deviceGroupId: undefined, hours: '0' };

export const MAX_MIGRATE_HOURS = 24 * 366;

export type StagingErrors = Partial<Record<'deviceGroupId' | 'hours', string>>;
export type StagingResult = { ok: true; staging: Staging | null } | { ok: false; errors: StagingErrors };

/** The groups sessions may be staged on: every group but the destination. */
export function stagingGroups(groups: readonly DeviceGroup[], destinationGroupId: number | undefined): DeviceGroup[] {
  return groups.filter((group) => group.id !== destinationGroupId);
}

/**
 * Keeps the chosen staging group while it exists and is not the destination; otherwise the
 * first group that can stage (none: undefined, and the tab says so).
 */
export function fitStagingGroup(form: StagingForm, groups: readonly DeviceGroup[], destinationGroupId: number | undefined): StagingForm {
  const candidates = stagingGroups(groups, destinationGroupId);
  if (candidates.some((group) => group.id === form.deviceGroupId)) return form;
  const deviceGroupId = candidates[0]?.id;
  return deviceGroupId === form.deviceGroupId ? form : { ...form, deviceGroupId };
}

/** What the job's options.staging becomes: null when off; else a group other than the destination and whole hours. */
export function checkStaging(form: StagingForm, groups: readonly DeviceGroup[], destinationGroupId: number): StagingResult {
  if (!form.enabled) return { ok: true, staging: null };
  const errors: StagingErrors = {};
  const group = stagingGroups(groups, destinationGroupId).find((candidate) => candidate.id === form.deviceGroupId);
  if (!group) errors.deviceGroupId = 'Choose a staging device group other than the destination group (add one with New disk device…).';
  const hours = Number(form.hours.trim());
  if (form.hours.trim() === '' || !Number.isInteger(hours) || hours < 0 || hours > MAX_MIGRATE_HOURS) errors.hours = `Enter whole hours from 0 to ${MAX_MIGRATE_HOURS}.`;
  if (!group || errors.hours) return { ok: false, errors };
  return { ok: true, staging: { deviceGroupId: group.id, migrateAfterHours: hours } };
}

/** Submit Job's Staging line: "none — …" or 'first to "Staging", migrated to the destination as soon as each session is written'. */
export function describeStaging(staging: Staging | null, groups: readonly DeviceGroup[]): string {
  if (staging === null) return 'none — sessions are written straight to the destination';
  const name = groups.find((group) => group.id === staging.deviceGroupId)?.name ?? `group ${staging.deviceGroupId}`;
  const when = staging.migrateAfterHours === 0 ? 'as soon as each session is written' : `${staging.migrateAfterHours} hour${staging.migrateAfterHours === 1 ? '' : 's'} after each session is written`;
  return `first to "${name}", migrated to the destination ${when}`;
}
