import type { BackupJobDraft, BackupJobOptions, DeviceGroup, Schedule } from './backup-types';

/** The Destination tab as typed: a device group and an optional media pool. */
export interface DestinationForm {
  deviceGroupId: number | undefined;
  mediaPool: string;
}

export const EMPTY_DESTINATION: DestinationForm = { deviceGroupId: undefined, mediaPool: '' };

const MAX_POOL = 200;

export type DestinationResult = { ok: true; group: DeviceGroup; mediaPool: string | null } | { ok: false; message: string };

/** The chosen group must still exist; a blank pool means none (the server's default media naming). */
export function checkDestination(form: DestinationForm, groups: readonly DeviceGroup[]): DestinationResult {
  const group = groups.find((candidate) => candidate.id === form.deviceGroupId);
  if (!group) return { ok: false, message: groups.length === 0 ? 'There is no device group to back up to.' : 'Choose a device group on the Destination tab.' };
  const pool = form.mediaPool.trim();
  if (pool.length > MAX_POOL) return { ok: false, message: `The media pool name is longer than ${MAX_POOL} characters.` };
  return { ok: true, group, mediaPool: pool === '' ? null : pool };
}

/** The group a fresh window proposes: the one named Default, else the first. */
export function defaultGroupId(groups: readonly DeviceGroup[]): number | undefined {
  return (groups.find((group) => group.name.toLowerCase() === 'default') ?? groups[0])?.id;
}

/** "Default (/var/lib/understudy/devices/disk1), pool Weekly" as Submit Job shows the destination. */
export function describeDestination(group: DeviceGroup, mediaPool: string | null): string {
  const paths = group.devices.map((device) => device.path).join(', ');
  return `${group.name}${paths ? ` (${paths})` : ''}${mediaPool ? `, media pool ${mediaPool}` : ''}`;
}

export interface DraftParts {
  name: string;
  description: string;
  owner: string;
  scenarioIds: readonly string[];
  deviceGroupId: number;
  mediaPool: string | null;
  options: Required<BackupJobOptions>;
  schedule: Schedule;
  hold: boolean;
}

/** What Submit Job sends: names trimmed, scenarios in selection order. */
export function buildDraft(parts: DraftParts): BackupJobDraft {
  return {
    name: parts.name.trim(),
    description: parts.description.trim(),
    scenarioIds: [...parts.scenarioIds],
    deviceGroupId: parts.deviceGroupId,
    mediaPool: parts.mediaPool,
    options: parts.options,
    schedule: parts.schedule,
    owner: parts.owner.trim(),
    hold: parts.hold,
  };
}

/** Who submitted the job, as "Back up now" records it: the console has no user accounts of its own yet. */
export const JOB_OWNER = 'administrator';
