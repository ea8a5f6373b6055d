import { isAbsoluteFolder } from '../../components/host-folder-paths';
import type { RestoreDestination } from './restore-types';

/** The folder paths the Destination tab and its Browse… share with the Backup Manager's Add folder. */
export { isAbsoluteFolder, parentFolder } from '../../components/host-folder-paths';

/** The Destination tab as the administrator fills it in. */
export interface DestinationForm {
  /** "Restore to original location" (default). */
  original: boolean;
  /** Original location: the Replica (default: production is not disturbed) or the Master. */
  to: 'replica' | 'master';
  /** Alternate location: the machine whose engine writes the files, and the folder there. */
  host: string;
  folder: string;
  /**
   * The marked items belong to a folder source (the store asks backup.sources): it has no
   * Replica, so its original location is its folder on its host, the Master. Absent: a scenario.
   */
  folderSource?: boolean;
}

export const DEFAULT_DESTINATION: DestinationForm = { original: true, to: 'replica', host: 'localhost', folder: '', folderSource: false };

/** Where "original location" restores to: the choice made, except that a folder source has only its Master. */
export function originalTarget(form: Pick<DestinationForm, 'to' | 'folderSource'>): 'replica' | 'master' {
  return form.folderSource ? 'master' : form.to;
}

export type DestinationErrors = Partial<Record<'host' | 'folder', string>>;
export type DestinationParse = { ok: true; destination: RestoreDestination } | { ok: false; errors: DestinationErrors };

const MAX_HOST = 300;
const MAX_FOLDER = 4096;

/** The form as the spec's destination, checked with the limits the engine applies. */
export function parseDestination(form: DestinationForm): DestinationParse {
  if (form.original) return { ok: true, destination: { kind: 'original', to: originalTarget(form) } };
  const errors: DestinationErrors = {};
  const host = form.host.trim();
  const folder = form.folder.trim();
  if (host === '' || /\s/.test(host) || host.length > MAX_HOST) errors.host = `Enter the host name or IP of the machine to restore to (no spaces, at most ${MAX_HOST} characters).`;
  if (folder === '') errors.folder = 'Enter the folder to restore to, or choose it with Browse….';
  else if (!isAbsoluteFolder(folder) || folder.length > MAX_FOLDER) errors.folder = 'Enter an absolute folder path, e.g. /srv/restore or D:\\Restore.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, destination: { kind: 'alternate', host, folder } };
}

/** One line for the jobs table and the confirmation: where the files go. */
export function describeDestination(destination: RestoreDestination): string {
  if (destination.kind === 'alternate') return `${destination.folder} on ${destination.host}`;
  return destination.to === 'master' ? 'Original location on the Master' : 'Original location on the Replica';
}

/** The engine's field errors ("draft.spec.destination.folder") on the Destination tab's fields. */
export function destinationErrorsByField(fields: Record<string, string>): DestinationErrors {
  const errors: DestinationErrors = {};
  for (const [path, message] of Object.entries(fields)) {
    const match = /(?:^|\.)destination\.(host|folder)$/.exec(path);
    if (match?.[1] === 'host' || match?.[1] === 'folder') errors[match[1]] = message;
  }
  return errors;
}
