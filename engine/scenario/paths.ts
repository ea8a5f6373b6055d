/**
 * Directory paths as the user types them for a host that may run Windows or Linux.
 * Comparisons are textual on purpose: the host named may not be this machine.
 */

const WINDOWS_DRIVE = /^[A-Za-z]:[\\/]/;
const UNC = /^\\\\[^\\/]+[\\/][^\\/]+/;

export type PathFlavour = 'windows' | 'posix';

export function pathFlavour(path: string): PathFlavour | undefined {
  if (WINDOWS_DRIVE.test(path) || UNC.test(path)) return 'windows';
  if (path.startsWith('/')) return 'posix';
  return undefined;
}

/** Windows accepts both separators; on POSIX a backslash is an ordinary character of a name. */
function segmentsOf(path: string): string[] {
  return path.split(pathFlavour(path) === 'posix' ? /\/+/ : /[\\/]+/);
}

export function hasParentSegment(path: string): boolean {
  return segmentsOf(path).some((segment) => segment === '..');
}

/** A comparable form: forward slashes, no `.` or empty segments, no trailing slash, case folded on Windows. */
export function comparablePath(path: string): string {
  const flavour = pathFlavour(path);
  const unc = flavour === 'windows' && UNC.test(path);
  const segments = segmentsOf(path).filter((segment) => segment !== '' && segment !== '.');
  const joined = (unc ? '//' : flavour === 'posix' ? '/' : '') + segments.join('/');
  return flavour === 'windows' ? joined.toLowerCase() : joined;
}

/** True when `inner` is `outer` or lies below it. */
export function isSameOrInside(inner: string, outer: string): boolean {
  const a = comparablePath(inner);
  const b = comparablePath(outer);
  if (a === b) return true;
  const prefix = b.endsWith('/') ? b : `${b}/`;
  return a.startsWith(prefix);
}

export function overlaps(a: string, b: string): boolean {
  return isSameOrInside(a, b) || isSameOrInside(b, a);
}
