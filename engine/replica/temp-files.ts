import { randomBytes } from 'node:crypto';

/**
 * The applier writes whole files under this prefix and renames them into place. A crash can
 * leave one behind, so listings skip the prefix and the path guard refuses it in records:
 * a Master file with such a name would otherwise be hidden from synchronization forever.
 */
export const TEMP_FILE_PREFIX = '.understudy-tmp-';

/** Case-insensitive because a Windows Replica would treat `.Understudy-Tmp-…` as the same name. */
export function isTempFileName(name: string): boolean {
  return name.toLowerCase().startsWith(TEMP_FILE_PREFIX);
}

export function newTempFileName(): string {
  return `${TEMP_FILE_PREFIX}${randomBytes(8).toString('hex')}`;
}
