import type { RestoreDestination } from './restore-types';

/** The Destination tab as the administrator fills it in. */
export interface DestinationForm {
  /** "Restore to original location" (default). */
  original: boolean;
  /** Original location: the Replica (default: production is not disturbed) or the Master. */
  to: 'replica' | 'master';
  /** Alternate location: the machine whose engine writes the files, and the folder there. */
  host: string;
  folder: string;
}

export const DEFAULT_DESTINATION: DestinationForm = { original: true, to: 'replica', host: 'localhost', folder: '' };

export type DestinationErrors = Partial<Record<'host' | 'folder', string>>;
export type DestinationParse = { ok: true; destination: RestoreDestination } | { ok: false; errors: DestinationErrors };

const MAX_HOST = 300;
const MAX_FOLDER = 4096;

/** An absolute folder on a host of either family: "/srv/restore", "D:\Restore", "\\server\share". */
export function isAbsoluteFolder(folder: string): boolean {
  return folder.startsWith('/') || /^[A-Za-z]:[\\/]/.test(folder) || folder.startsWith('\\\\');
}

/** The form as the spec's destination, checked with the limits the engine applies. */
export function parseDestination(form: DestinationForm): DestinationParse {
  if (form.original) return { ok: true, destination: { kind: 'original', to: form.to } };
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

/** The folder above `folder` on its host ("/srv/a" → "/srv", "D:\a" → "D:\"), undefined at a root. */
export function parentFolder(folder: string): string | undefined {
  const windows = /^[A-Za-z]:/.test(folder) || folder.startsWith('\\\\');
  const separator = windows ? '\\' : '/';
  const trimmed = folder.length > 1 ? folder.replace(/[\\/]+$/, '') : folder;
  if (trimmed === '/' || /^[A-Za-z]:$/.test(trimmed) || /^\\\\[^\\]+\\[^\\]+$/.test(trimmed)) return undefined;
  const cut = Math.max(trimmed.lastIndexOf('/'), windows ? trimmed.lastIndexOf('\\') : -1);
  if (cut < 0) return undefined;
  const parent = trimmed.slice(0, cut);
  if (parent === '') return '/';
  return /^[A-Za-z]:$/.test(parent) ? `${parent}${separator}` : parent;
}
