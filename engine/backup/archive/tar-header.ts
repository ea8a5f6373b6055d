import type { Header } from 'tar-stream';

/**
 * The tar header for one entry. tar-stream writes a plain ustar header when the entry fits
 * one, and a pax extended header ("path=") before it when the path is over 100/155 bytes or
 * not ASCII. We add the pax records ustar cannot hold: "size" for files of 8 GiB and more
 * (ustar's 11 octal digits stop at 8 GiB − 1; tar-stream would fall back to GNU base-256) and
 * "mtime" for times before 1970 or after 2038 (tar-stream writes 32-bit seconds). Owner is
 * 0/0 with no names: a session restores content, not Master accounts.
 */
export const USTAR_MAX_SIZE = 0o77777777777;
const USTAR_MAX_SECONDS = 0x7fffffff;

export type TarHeader = Partial<Header> & Pick<Header, 'name'>;

export interface TarEntry {
  readonly path: string;
  readonly kind: 'file' | 'directory';
  readonly size: number;
  readonly mtimeMs: number;
  readonly mode: number;
}

export function tarHeaderOf(entry: TarEntry): TarHeader {
  const pax: Record<string, string> = {};
  if (entry.kind === 'file' && entry.size > USTAR_MAX_SIZE) pax.size = String(entry.size);
  const seconds = Math.floor(entry.mtimeMs / 1000);
  const clamped = Math.min(Math.max(seconds, 0), USTAR_MAX_SECONDS);
  if (clamped !== seconds) pax.mtime = paxSeconds(entry.mtimeMs);
  return {
    // A trailing slash as well as the directory type: old readers look only at the name.
    name: entry.kind === 'directory' ? `${entry.path}/` : entry.path,
    type: entry.kind,
    size: entry.kind === 'file' ? entry.size : 0,
    mode: entry.mode & 0o7777,
    mtime: new Date(clamped * 1000),
    uid: 0,
    gid: 0,
    ...(Object.keys(pax).length > 0 ? { pax } : {}),
  };
}

/** "1700000000.123", "-86400": pax time, seconds with an optional fraction. */
export function paxSeconds(mtimeMs: number): string {
  const millis = Math.round(mtimeMs);
  const sign = millis < 0 ? '-' : '';
  const abs = Math.abs(millis);
  const fraction = abs % 1000;
  return `${sign}${Math.floor(abs / 1000)}${fraction ? `.${String(fraction).padStart(3, '0').replace(/0+$/, '')}` : ''}`;
}
