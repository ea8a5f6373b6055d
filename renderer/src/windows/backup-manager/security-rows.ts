import type { HostCredentials, JobHost } from './backup-types';

/**
 * Security and Agent Information: what each Master/Replica row says about its credentials,
 * and which hosts still need some. Credentials are per host (one engine per host), so a
 * password typed on one row serves every row of that host.
 */

export type PasswordStatus = 'entered' | 'stored' | 'not needed (this machine)' | 'required';

/** Typed credentials by host; kept in the dialogs' state only, never in a store. */
export type TypedCredentials = Readonly<Record<string, HostCredentials>>;

/** What the Password column says: typed now beats stored; this machine's own engine needs none. */
export function passwordStatus(row: Pick<JobHost, 'host' | 'needsCredentials' | 'storedUser'>, typed: TypedCredentials): PasswordStatus {
  if (!row.needsCredentials) return 'not needed (this machine)';
  if (typed[row.host]) return 'entered';
  return row.storedUser !== null ? 'stored' : 'required';
}

/** The User column: the user typed, else the stored one; none for this machine. */
export function rowUser(row: Pick<JobHost, 'host' | 'needsCredentials' | 'storedUser'>, typed: TypedCredentials): string {
  if (!row.needsCredentials) return '—';
  return typed[row.host]?.user ?? row.storedUser ?? '—';
}

/** The hosts whose rows still say "required", each once, in row order. */
export function hostsMissingCredentials(rows: readonly JobHost[], typed: TypedCredentials): string[] {
  return [...new Set(rows.filter((row) => passwordStatus(row, typed) === 'required').map((row) => row.host))];
}

/** What Submit sends: the credentials typed for the job's hosts (stored ones stay on the server). */
export function credentialsToSend(rows: readonly JobHost[], typed: TypedCredentials): HostCredentials[] {
  const hosts = new Set(rows.filter((row) => row.needsCredentials).map((row) => row.host));
  return [...hosts].flatMap((host) => (typed[host] ? [typed[host]] : []));
}

/**
 * Expanding a scenario in the Source tree: the Replica hosts whose agent needs credentials the
 * manager does not hold. None: the entities are asked for at once.
 */
export function replicasToAskFor(rows: readonly JobHost[]): string[] {
  return [...new Set(rows.filter((row) => row.role === 'Replica' && row.needsCredentials && row.storedUser === null).map((row) => row.host))];
}
