import { pathFlavour } from '../../scenario/paths';

/**
 * Master paths as the file catalog keys them: a directory as the Master spells it, with one
 * separator style (backslashes for Windows paths, slashes for POSIX ones), no doubled or
 * trailing separators except a root's; an entry is its directory plus its name. Pure.
 */
export interface MasterPathParts {
  dir: string;
  name: string;
}

/** "C:/Data/" → "C:\Data"; "C:\" stays; "/srv//data/" → "/srv/data". */
export function directoryKey(masterPath: string): string {
  const flavour = pathFlavour(masterPath);
  if (flavour === undefined) throw new Error(`not an absolute Master path: ${JSON.stringify(masterPath)}`);
  if (flavour === 'posix') {
    const key = masterPath.replace(/\/+/g, '/');
    return key.length > 1 ? key.replace(/\/$/, '') : key;
  }
  const key = masterPath.replace(/[\\/]+/g, '\\').replace(/^\\/, '\\\\');
  return /^[A-Za-z]:\\$/.test(key) ? key : key.replace(/\\$/, '');
}

/** "C:\Data\q1.xlsx" → { dir: "C:\Data", name: "q1.xlsx" }; "/srv" → { dir: "/", name: "srv" }. A root has no parent: it throws. */
export function splitMasterPath(masterPath: string): MasterPathParts {
  const key = directoryKey(masterPath);
  if (isRoot(key)) throw new Error(`a root has no name in a parent directory: ${JSON.stringify(masterPath)}`);
  const separator = pathFlavour(key) === 'windows' ? '\\' : '/';
  const cut = key.lastIndexOf(separator);
  const parent = key.slice(0, cut);
  const dir = parent === '' ? '/' : /^[A-Za-z]:$/.test(parent) ? `${parent}\\` : parent;
  return { dir, name: key.slice(cut + 1) };
}

/** The path of `name` inside `dir`, in the directory's own separator style. */
export function childPath(dir: string, name: string): string {
  const separator = pathFlavour(dir) === 'windows' ? '\\' : '/';
  return dir.endsWith(separator) ? `${dir}${name}` : `${dir}${separator}${name}`;
}

function isRoot(key: string): boolean {
  return key === '/' || /^[A-Za-z]:\\$/.test(key) || /^\\\\[^\\]+\\[^\\]+$/.test(key);
}
