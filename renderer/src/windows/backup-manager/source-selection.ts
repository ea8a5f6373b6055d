import type { BackupSource } from './backup-types';

/**
 * Which scenarios a job backs up. A job backs its scenarios up in the order they were chosen
 * (without multistreaming one after another), so the selection is an ordered list, not a set.
 */

/**
 * The Replication Scenarios the Source tree lists. Ordinary (folder) sources the catalog may
 * also hold are not offered by this window yet, so a job made here backs up scenarios only.
 */
export function scenarioSources(sources: readonly BackupSource[]): BackupSource[] {
  return sources.filter((source) => source.source === 'scenario');
}

/** Checks a scenario (appended: chosen last) or unchecks it (the others keep their order). */
export function toggleScenario(selected: readonly string[], id: string): string[] {
  return selected.includes(id) ? selected.filter((chosen) => chosen !== id) : [...selected, id];
}

/** The selection without scenarios no longer registered (removed from the catalog since it was read). */
export function keepRegistered(selected: readonly string[], sources: readonly BackupSource[]): string[] {
  const registered = new Set(sources.map((source) => source.id));
  return selected.filter((id) => registered.has(id));
}

/** The selected scenarios in selection order. */
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

/** The job name Submit Job proposes: "Backup Payroll, Mail". */
export function defaultJobName(sources: readonly Pick<BackupSource, 'name'>[]): string {
  return `Backup ${sources.map((source) => source.name).join(', ')}`;
}
