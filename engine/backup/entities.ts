import type { ScenarioType } from '../scenario/model';
import { childPath } from './catalog/master-path';

/**
 * Which entity (the unit of backup and restore, SPEC.md) a replicated file belongs to, from
 * the scenario type and its Master path. Pure, so a backup groups a snapshot's files into
 * sessions while it walks them, whatever the scenario holds today.
 * - FileServer: the volume of the Master root (a drive such as "C:" on Windows, the root
 *   folder itself elsewhere);
 * - SQLServer: the database a data or log file belongs to ("Payroll" for Payroll.mdf,
 *   Payroll_log.ldf, Payroll_2.ndf); other files fall back to the volume;
 * - Exchange: the storage group, i.e. the folder holding the database (.edb/.stm), its logs
 *   (E00*.log) and checkpoint (.chk); other files fall back to the volume.
 */
export function entityOf(type: ScenarioType, masterRoot: string, relative: string): string {
  const name = relative.split('/').pop() ?? relative;
  if (type === 'SQLServer') {
    const database = /^(.+?)(?:_log|_data|_\d+)?\.(?:mdf|ndf|ldf)$/i.exec(name)?.[1];
    if (database) return `Database ${database}`;
  }
  if (type === 'Exchange' && /\.(?:edb|stm|chk)$|^E\d{2}.*\.log$/i.test(name)) {
    const folder = relative.split('/').slice(0, -1).join('/');
    return `Storage group ${joinMasterPath(masterRoot, folder)}`;
  }
  return `Volume ${volumeOf(masterRoot)}`;
}

/** "C:" for a Windows path on a drive, the UNC share for \\\\server\\share, else the root as given. */
export function volumeOf(masterRoot: string): string {
  const drive = /^([A-Za-z]:)/.exec(masterRoot);
  if (drive?.[1]) return drive[1].toUpperCase();
  const unc = /^(\\\\[^\\]+\\[^\\]+)/.exec(masterRoot);
  if (unc?.[1]) return unc[1];
  return masterRoot;
}

/** A Master path below `masterRoot`, in the root's own separator style. */
export function joinMasterPath(masterRoot: string, relative: string): string {
  return relative === '' ? masterRoot : relative.split('/').reduce((dir, name) => childPath(dir, name), masterRoot);
}
