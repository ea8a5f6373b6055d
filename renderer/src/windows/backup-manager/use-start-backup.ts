import type { StartProblem } from '../../components/StartProblemBanner';
import { useState } from 'react';
import { api } from '../../api/api';
import { useBackupManager } from '../../store/backup-manager';
import type { BackupJobOptions, BackupSource, DeviceGroup, JobHost } from './backup-types';
import { checkDestination } from './job-draft';
import { checkOptions } from './options-form';
import { buildSchedule } from './schedule-form';
import type { TypedCredentials } from './security-rows';
import { selectedSources } from './source-selection';
import { checkStaging } from './staging-form';

/** What Start settled before the dialogs: the sources in order, the destination and the checked options (staging among them). */
export interface StartContext {
  sources: BackupSource[];
  group: DeviceGroup;
  mediaPool: string | null;
  options: Required<BackupJobOptions>;
  /** The session password when encryption is on (memory only, sent with Submit). */
  password: string | undefined;
}

/** Start → Security and Agent Information → Submit Job. Typed credentials live only in this state. */
export type StartStep =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'security'; context: StartContext; hosts: JobHost[]; typed: TypedCredentials }
  | { kind: 'submit'; context: StartContext; hosts: JobHost[]; typed: TypedCredentials };


/**
 * Start: checks the tabs in order (sources, destination, staging, schedule, options), showing
 * the tab at fault, then asks which hosts the job's sources have (Master and Replica of each
 * scenario, the host of each folder).
 */
export function useStartBackup(): { step: StartStep; problem: StartProblem | undefined; start(): Promise<void>; setStep(step: StartStep): void; dismiss(): void } {
  const [step, setStep] = useState<StartStep>({ kind: 'idle' });
  const [problem, setProblem] = useState<StartProblem | undefined>();

  const start = async (): Promise<void> => {
    const state = useBackupManager.getState();
    setProblem(undefined);
    const stop = (reason: StartProblem, tab?: Parameters<typeof state.showTab>[0]): void => {
      if (tab) state.showTab(tab);
      setProblem(reason);
      setStep({ kind: 'idle' });
    };
    const sources = selectedSources(state.sources ?? [], state.selected);
    if (sources.length === 0) return stop({ kind: 'message', text: 'Check at least one scenario or folder on the Source tab.' }, 'Source');
    const destination = checkDestination(state.destination, state.groups ?? []);
    if (!destination.ok) return stop({ kind: 'message', text: destination.message }, 'Destination');
    const staging = checkStaging(state.staging, state.groups ?? [], destination.group.id);
    if (!staging.ok) {
      state.setStagingErrors(staging.errors);
      return stop({ kind: 'message', text: 'Correct the staging settings.' }, 'Staging');
    }
    // The schedule is built again at Submit (run now = the submission time); here only whether it can be.
    const schedule = buildSchedule(state.schedule, new Date());
    if (!schedule.ok) {
      state.setScheduleErrors(schedule.errors);
      return stop({ kind: 'message', text: 'Complete the schedule.' }, 'Schedule');
    }
    const options = checkOptions(state.options);
    if (!options.ok) {
      state.setOptionsErrors(options.errors);
      return stop({ kind: 'message', text: 'Correct the options.' }, 'Options');
    }
    setStep({ kind: 'checking' });
    const hosts = await api.invoke('backup.job-hosts', { scenarioIds: sources.map((source) => source.id) });
    if (!hosts.ok) return stop({ kind: 'error', error: hosts.error });
    setStep({
      kind: 'security',
      context: { sources, group: destination.group, mediaPool: destination.mediaPool, options: { ...options.options, staging: staging.staging }, password: options.password },
      hosts: hosts.value,
      typed: {},
    });
  };

  return { step, problem, start, setStep, dismiss: () => setProblem(undefined) };
}
