import type { BackupSource, ChannelRequest, ChannelResponse, JobHost } from '../../../../electron/api/contract';

/**
 * The Backup Manager's vocabulary as the contract types it (the renderer may not import the
 * engine's schemas, only the contract's types).
 */
export type { BackupSource, JobHost };
export type BackupSubmit = ChannelRequest<'backup.submit'>;
export type BackupJobDraft = BackupSubmit['draft'];
export type Schedule = BackupJobDraft['schedule'];
export type BackupJobOptions = NonNullable<BackupJobDraft['options']>;
export type HostCredentials = NonNullable<BackupSubmit['credentials']>[number];
export type SourceEntity = ChannelResponse<'backup.source-entities'>[number];
export type DeviceGroup = ChannelResponse<'backup.devices'>[number];
export type SchedulePreview = ChannelResponse<'backup.schedule-preview'>;
export type FolderSourceDraft = Omit<ChannelRequest<'backup.add-folder'>, 'credentials'>;
export type DiskDeviceDraft = ChannelRequest<'backup.add-disk-device'>;
