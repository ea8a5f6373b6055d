import type { ChannelRequest, ChannelResponse } from '../../../../electron/api/contract';

/**
 * The Restore Manager's vocabulary as the contract types it (the renderer may not import the
 * engine's schemas, only the contract's types).
 */
export type RestoreSpecInput = ChannelRequest<'restore.required-hosts'>['spec'];
export type RestoreItem = RestoreSpecInput['items'][number];
export type RestoreDestination = RestoreSpecInput['destination'];
export type RestoreQuery = ChannelRequest<'restore.query'>;
export type RestoreSubmit = ChannelRequest<'restore.submit'>;
export type HostCredentials = NonNullable<RestoreSubmit['credentials']>[number];

export type MediaSummary = ChannelResponse<'restore.media'>[number];
export type Session = ChannelResponse<'backup.sessions'>[number];
export type SessionInfo = ChannelResponse<'restore.session'>;
export type CatalogEntry = ChannelResponse<'restore.session-dir'>[number];
export type TreeVolume = ChannelResponse<'restore.tree-volumes'>[number];
export type FileVersion = ChannelResponse<'restore.versions'>[number];
export type SearchHit = ChannelResponse<'restore.query'>[number];
export type RequiredHost = ChannelResponse<'restore.required-hosts'>[number];

export type QueueJob = ChannelResponse<'backup.jobs'>[number];
export type RestoreJob = Extract<QueueJob, { kind: 'restore' }>;

/** The node chosen in the by-Session tree: its content and properties are shown. */
export type SessionNode = { kind: 'media'; mediaId: string } | { kind: 'session'; session: number } | { kind: 'folder'; session: number; path: string };

/** The node chosen in the by-Tree tree; a folder knows its volume (scenario and type) for marking. */
export type TreeNode = { kind: 'host'; host: string } | { kind: 'volume'; host: string; volume: TreeVolume } | { kind: 'folder'; host: string; path: string; volume: TreeVolume };

/** Scenario types whose entities restore only as a whole (a database, a storage group). */
export function restoresWholeOnly(scenarioType: string): boolean {
  return scenarioType === 'SQLServer' || scenarioType === 'Exchange';
}
