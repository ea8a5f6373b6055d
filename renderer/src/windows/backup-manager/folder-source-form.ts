import type { ErrorInfo } from '../../../../electron/api/contract';
import { isAbsoluteFolder } from '../../components/host-folder-paths';
import type { BackupSource, FolderSourceDraft } from './backup-types';

/**
 * Source → Folders → Add folder… as typed: a host (this machine by default) and an absolute
 * folder on it. The host's engine decides whether credentials are needed: the dialog first
 * asks without any and shows the credential fields only when the engine refuses (AE0459).
 */
export interface FolderForm {
  host: string;
  path: string;
}

export const DEFAULT_FOLDER_FORM: FolderForm = { host: 'localhost', path: '' };

export type FolderErrors = Partial<Record<'host' | 'path', string>>;
export type FolderParse = { ok: true; draft: FolderSourceDraft } | { ok: false; errors: FolderErrors };

const MAX_HOST = 300;
const MAX_PATH = 4000;

/** The form as backup.add-folder takes it, checked with the limits the engine applies. */
export function parseFolderForm(form: FolderForm): FolderParse {
  const errors: FolderErrors = {};
  const host = form.host.trim();
  const path = form.path.trim();
  if (host === '' || /\s/.test(host) || host.length > MAX_HOST) errors.host = `Enter the host name or IP whose folder is backed up (no spaces, at most ${MAX_HOST} characters).`;
  if (path === '') errors.path = 'Enter the folder to back up, or choose it with Browse….';
  else if (!isAbsoluteFolder(path) || path.length > MAX_PATH) errors.path = 'Enter an absolute folder path, e.g. /srv/shares or D:\\Shares.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, draft: { host, path } };
}

/** The engine refused for want of (right) credentials: the dialog asks for the host's engine administrator. */
export function asksForCredentials(error: ErrorInfo): boolean {
  return error.code === 'AE0459';
}

/** Where a folder source reads from: its host and its folder (the properties pane, the removal question). */
export function folderOf(source: Pick<BackupSource, 'master' | 'roots'>): { host: string; folder: string } {
  return { host: source.master, folder: source.roots.join(', ') };
}
