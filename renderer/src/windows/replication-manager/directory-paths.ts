/**
 * Paths of the Master's and Replicas' hosts as the Directories tab handles them. The hosts
 * may run Windows or POSIX, whatever this window runs on, so `node:path` is no help here:
 * a path is Windows-style when it starts with a drive letter or a UNC prefix.
 */

export type Separator = '\\' | '/';

export function separatorOf(path: string): Separator {
  return /^[A-Za-z]:/.test(path) || path.startsWith('\\\\') ? '\\' : '/';
}

/** `name` inside folder `parent`, written with the parent's separator ("/" + "a" → "/a", "C:\" + "a" → "C:\a"). */
export function childPath(parent: string, name: string): string {
  const separator = separatorOf(parent);
  const trimmed = parent.replace(/[\\/]+$/, '');
  return `${trimmed}${separator}${name}`;
}

/** True when `path` is `folder` itself or lies below it. */
export function isWithin(path: string, folder: string): boolean {
  return path === folder || path.startsWith(childPath(folder, ''));
}

/**
 * The segments a Master root gets under a Replica's target directory: the root's own path
 * without the drive colon or UNC prefix. Mirrors engine/replication/root-mapping.ts (the
 * renderer may not import engine code); test/renderer/directory-paths.test.ts holds both to
 * the same table.
 */
export function rootSubdirectory(root: string): string[] {
  return root
    .replace(/^([A-Za-z]):/, '$1')
    .split(/[\\/]+/)
    .filter((segment) => segment !== '' && segment !== '.');
}

/** Where a Master root lands on a Replica: <target>/<root without drive colon or leading separator>. */
export function replicaLocation(target: string, root: string): string {
  return rootSubdirectory(root).reduce((folder, segment) => childPath(folder, segment), target);
}
