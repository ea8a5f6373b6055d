/**
 * Where a Master root directory lands under a Replica's target directory: the root's own path
 * with the drive colon or UNC prefix dropped, so distinct roots never collide
 * (C:\Data → <target>/C/Data, \\fs\share\x → <target>/fs/share/x, /srv/data → <target>/srv/data).
 */
export function rootSubdirectory(root: string): string[] {
  return root
    .replace(/^([A-Za-z]):/, '$1')
    .split(/[\\/]+/)
    .filter((segment) => segment !== '' && segment !== '.');
}
