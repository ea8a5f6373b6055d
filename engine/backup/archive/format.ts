import { pathFlavour } from '../../scenario/paths';

/**
 * The session format, version 1 (README.md, "Backup sessions on disk"). One session = one
 * entity's files, as a POSIX pax/ustar tar archive, optionally gzip-compressed, optionally
 * encrypted (UNDERSTUDY-ENC1, encryption.ts). Beside the archive: the manifest (the same bytes
 * as the archive's last entry; encrypted too when the session is) and a `sha256sum` line.
 */
export const FORMAT = 'understudy-session';
export const FORMAT_VERSION = 1;

/** First entry: who the session belongs to, known before any file is written. */
export const SESSION_ENTRY = 'UNDERSTUDY-SESSION.json';
/** Last entry: the file list with each file's sha256; only known once every file is written. */
export const MANIFEST_ENTRY = 'UNDERSTUDY-MANIFEST.json';
const RESERVED = new Set([SESSION_ENTRY, MANIFEST_ENTRY]);

export type Compression = 'gzip' | 'none';

/** `S00000042` + `.tar`, `.tar.gz`, `.tar.enc` or `.tar.gz.enc`: what the extension says is what the file holds. */
export function sessionFileName(stem: string, options: { compression: Compression; encrypted: boolean }): string {
  return `${stem}.tar${options.compression === 'gzip' ? '.gz' : ''}${options.encrypted ? '.enc' : ''}`;
}

export function partialPathOf(file: string): string {
  return `${file}.partial`;
}

export function manifestPathOf(file: string, encrypted: boolean): string {
  return `${file}.manifest.json${encrypted ? '.enc' : ''}`;
}

/** A `sha256sum -c` line for the archive file. */
export function checksumPathOf(file: string): string {
  return `${file}.sha256`;
}

/**
 * The path a Master file has inside a session: the Master's absolute path made relative,
 * '/'-separated. "/srv/finance/q1.csv" → "srv/finance/q1.csv"; "D:\Finance\q1.csv" →
 * "D/Finance/q1.csv"; "\\fs01\share\a.txt" → "UNC/fs01/share/a.txt". So extracting a session
 * with tar recreates the Master's tree under the folder it is extracted into.
 */
export function archivePathOf(masterPath: string): string {
  const flavour = pathFlavour(masterPath);
  if (flavour === 'posix') return masterPath.split('/').filter(isNamed).join('/');
  if (flavour === 'windows') {
    const segments = masterPath.split(/[\\/]+/).filter(isNamed);
    if (masterPath.startsWith('\\\\')) return ['UNC', ...segments].join('/');
    const [drive = '', ...rest] = segments;
    return [drive.slice(0, 1).toUpperCase(), ...rest].join('/');
  }
  throw new Error(`not an absolute Master path: ${JSON.stringify(masterPath)}`);
}

function isNamed(segment: string): boolean {
  return segment !== '' && segment !== '.';
}

/** Why `path` cannot name an entry of a session, or undefined when it can. */
export function archivePathProblem(path: string): string | undefined {
  if (path === '') return 'the path is empty';
  if (path.includes('\0')) return 'the path contains a NUL character';
  if (path.startsWith('/')) return 'the path is absolute';
  if (path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) {
    return "the path has an empty, '.' or '..' segment";
  }
  if (RESERVED.has(path)) return `${path} is reserved for the session's own metadata`;
  return undefined;
}
