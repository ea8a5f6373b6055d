import type { Result } from '../../../../electron/api/contract';
import { api } from '../../api/api';
import type { CatalogEntry } from './restore-types';

/** Whose folder is listed: one session's (by Session), or the latest complete session holding it on a Master host (by Tree). */
export type FolderSource = { kind: 'session'; session: number } | { kind: 'tree'; host: string };

/** A page of a folder's entries, folders first; a folder no complete session holds (any more) lists as empty. */
export async function listFolder(source: FolderSource, path: string, limit: number, offset = 0): Promise<Result<CatalogEntry[]>> {
  if (source.kind === 'session') return api.invoke('restore.session-dir', { session: source.session, path, limit, offset });
  const result = await api.invoke('restore.tree-dir', { host: source.host, path, limit, offset });
  return result.ok ? { ok: true, value: result.value?.entries ?? [] } : result;
}
