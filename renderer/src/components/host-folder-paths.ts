/**
 * Folder paths on a host of either family, as an administrator types them ("/srv/data",
 * "D:\Data", "\\server\share"). The renderer cannot ask Node's path module which family a
 * host is, so both are recognised by their shape.
 */

/** An absolute folder on a host of either family: "/srv/restore", "D:\Restore", "\\server\share". */
export function isAbsoluteFolder(folder: string): boolean {
  return folder.startsWith('/') || /^[A-Za-z]:[\\/]/.test(folder) || folder.startsWith('\\\\');
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
