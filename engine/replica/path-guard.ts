import type { Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../messages/user-error';
import { rootSubdirectory } from '../replication/root-mapping';
import { isTempFileName } from './temp-files';

/**
 * The guard between a change record's path (data that arrived over the network) and this
 * host's file system. A record may name only a place inside its target root, spelled so
 * that every platform we run on stores exactly that name: a Windows Replica may have to
 * take over from the Master, so names Windows cannot hold are refused on Linux too.
 */

// Windows refuses these in names; '\\', '/' and ':' have their own, more telling reasons.
const WINDOWS_FORBIDDEN = /[<>"|?*]/;
// Device names open the device instead of a file, even with an extension ("NUL.txt").
const DEVICE_NAME = /^(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])$/i;
const MAX_SEGMENT_BYTES = 255;

function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

function isDeviceName(segment: string): boolean {
  // Windows ignores trailing spaces before the extension: "NUL .txt" is the device too.
  const base = segment.split('.')[0] ?? segment;
  return DEVICE_NAME.test(base.trimEnd());
}

function checkSegment(segment: string): string | undefined {
  if (segment === '') return 'it has an empty segment (a doubled or trailing "/")';
  if (segment === '.' || segment === '..') return `it has a "${segment}" segment`;
  if (segment.includes(':')) return `"${segment}" contains ":" (a drive letter or an NTFS alternate data stream)`;
  if (WINDOWS_FORBIDDEN.test(segment)) return `"${segment}" contains a character Windows forbids in names (< > " | ? *)`;
  if (isDeviceName(segment)) return `"${segment}" is a Windows device name`;
  if (/[. ]$/.test(segment)) return `"${segment}" ends with "." or " ", which Windows strips (two names would collide)`;
  if (Buffer.byteLength(segment, 'utf8') > MAX_SEGMENT_BYTES) return `a segment is longer than ${MAX_SEGMENT_BYTES} UTF-8 bytes`;
  if (isTempFileName(segment)) return `"${segment}" uses the prefix reserved for the Replica's temporary files`;
  return undefined;
}

/** Why a record's relative, '/'-separated path is refused, or undefined when it is safe. Pure. */
export function checkRelativePath(relativePath: string): string | undefined {
  if (relativePath === '') return 'the path is empty';
  // A lone surrogate cannot be encoded as a file name; Node would substitute U+FFFD silently.
  if (/\p{Surrogate}/u.test(relativePath)) return 'the path is not valid Unicode (a lone surrogate)';
  if (hasControlCharacter(relativePath)) return 'the path contains NUL or another control character';
  if (relativePath.startsWith('/') || relativePath.startsWith('\\')) {
    return 'the path is absolute (starts with a separator, UNC paths included)';
  }
  if (/^[A-Za-z]:/.test(relativePath)) return 'the path starts with a drive letter';
  if (relativePath.includes('\\')) return 'the path contains "\\", a separator on Windows';
  for (const segment of relativePath.split('/')) {
    const reason = checkSegment(segment);
    if (reason !== undefined) return reason;
  }
  return undefined;
}

/**
 * The rules for a path restored onto THIS host (a restore writes where its user asked, on the
 * host it runs on): on Windows the Replica's; elsewhere only what could escape the folder or
 * cannot be a name at all, so a Linux server's own names ("Algorithm::Diff.3pm.gz") restore. Pure.
 */
export function checkHostRelativePath(relativePath: string): string | undefined {
  if (process.platform === 'win32') return checkRelativePath(relativePath);
  if (relativePath === '') return 'the path is empty';
  if (relativePath.includes('\0')) return 'the path contains NUL';
  if (relativePath.startsWith('/')) return 'the path is absolute';
  for (const segment of relativePath.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') return `it has an empty, "." or ".." segment`;
    if (Buffer.byteLength(segment, 'utf8') > MAX_SEGMENT_BYTES) return `a segment is longer than ${MAX_SEGMENT_BYTES} UTF-8 bytes`;
  }
  return undefined;
}

/** E1101 naming the path; JSON quoting keeps control characters out of logs. */
export function pathRejected(relativePath: string, reason: string): UserError {
  return new UserError('E1101', `${JSON.stringify(relativePath)}: ${reason}`);
}

export function symlinkRejected(relativePath: string, component: string): UserError {
  return pathRejected(relativePath, `${JSON.stringify(component)} is a symbolic link or junction`);
}

/** undefined when nothing is there (ENOTDIR: a file stands where a directory would be). */
export async function lstatOrUndefined(absolutePath: string): Promise<Stats | undefined> {
  try {
    return await fs.lstat(absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/**
 * The absolute path of `relativePath` below `realRoot` (already resolved with realpath).
 * Every existing component, the last one included, must be a real directory or file, never
 * a symbolic link or junction: following one could write anywhere on the host. Components
 * that do not exist yet are created later by the applier, which checks them again as it goes.
 */
export async function resolveBelowRealRoot(realRoot: string, relativePath: string, check: (path: string) => string | undefined = checkRelativePath): Promise<string> {
  const reason = check(relativePath);
  if (reason !== undefined) throw pathRejected(relativePath, reason);
  const segments = relativePath.split('/');
  let current = realRoot;
  for (const [index, segment] of segments.entries()) {
    current = path.join(current, segment);
    const stats = await lstatOrUndefined(current);
    if (stats === undefined) break; // nothing can exist below a missing component
    if (stats.isSymbolicLink()) throw symlinkRejected(relativePath, segments.slice(0, index + 1).join('/'));
  }
  return path.join(realRoot, ...segments);
}

/** As resolveBelowRealRoot, resolving the target root itself once with realpath first. */
export async function resolveInsideRoot(targetRoot: string, relativePath: string): Promise<string> {
  return resolveBelowRealRoot(await fs.realpath(targetRoot), relativePath);
}

/**
 * Where Master root `masterRoot` lands under a Replica target directory
 * (<target>/<rootSubdirectory(root)>), refusing a root whose segments would not be safe.
 */
export function replicaTargetFor(replicaTargetDir: string, masterRoot: string): string {
  const segments = rootSubdirectory(masterRoot);
  const reason = segments.length === 0 ? undefined : checkRelativePath(segments.join('/'));
  if (reason !== undefined) throw pathRejected(masterRoot, reason);
  return path.join(replicaTargetDir, ...segments);
}
