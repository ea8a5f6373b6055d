import type { BackupSource } from './backup-types';

/**
 * Which sources a job backs up: Replication Scenarios and folder sources, mixed. A job backs
 * them up in the order they were chosen (without multistreaming one after another), so the
 * selection is one ordered list across both kinds, not a set.
 */

/** The Source tree's "Replication Scenarios" root: the scenarios registered in the catalog. */
export function scenarioSources(sources: readonly BackupSource[]): BackupSource[] {
  return sources.filter((source) => source.source === 'scenario');
}

/** The Source tree's "Folders" root: ordinary sources, a folder on a host read live through its engine. */
export function folderSources(sources: readonly BackupSource[]): BackupSource[] {
  return sources.filter((source) => source.source === 'folder');
}

/** How many of `sources` (one root's) are checked: the root's "2 checked". */
export function checkedCount(sources: readonly BackupSource[], selected: readonly string[]): number {
  return sources.filter((source) => selected.includes(source.id)).length;
}

/** Checks a source (appended: chosen last) or unchecks it (the others keep their order). */
export function toggleScenario(selected: readonly string[], id: string): string[] {
  return selected.includes(id) ? selected.filter((chosen) => chosen !== id) : [...selected, id];
}

/** The selection without sources no longer registered (removed from the catalog since it was read). */
export function keepRegistered(selected: readonly string[], sources: readonly BackupSource[]): string[] {
  const registered = new Set(sources.map((source) => source.id));
  return selected.filter((id) => registered.has(id));
}

/** The selected sources in selection order. */
export function selectedSources(sources: readonly BackupSource[], selected: readonly string[]): BackupSource[] {
  return selected.flatMap((id) => sources.filter((source) => source.id === id));
}

/**
 * How the Replica makes the backup's snapshot, as the properties pane says it: neither mode
 * is allowed to be chosen but fails at backup time, so the pane says so before a job is made.
 */
export function modeLabel(mode: BackupSource['mode']): string {
  switch (mode) {
    case 'assured-recovery':
      return 'Assured Recovery';
    case 'suspend':
      return 'Suspend';
    case 'none':
      return 'Neither (backup will fail with AE0471)';
  }
}

/** The job name Submit Job proposes: "Backup Payroll, /srv/shares on files01". */
export function defaultJobName(sources: readonly Pick<BackupSource, 'name'>[]): string {
  return `Backup ${sources.map((source) => source.name).join(', ')}`;
}
