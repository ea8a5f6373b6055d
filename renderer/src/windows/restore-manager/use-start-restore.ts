import type { StartProblem } from '../../components/StartProblemBanner';
import { useState } from 'react';
import { api } from '../../api/api';
import { useRestore } from '../../store/restore';
import { parseDestination } from './restore-destination';
import { markedSessions } from './restore-selection';
import { buildSpec, checkStart } from './restore-spec';
import type { HostCredentials, RequiredHost, RestoreSpecInput, SessionInfo } from './restore-types';

/** What Start settled before the dialogs: the spec, the scenario's name (the default job name) and whether a session password is needed. */
export interface StartContext {
  spec: RestoreSpecInput;
  scenarioName: string;
  encrypted: boolean;
}

/** Start → Security and Agent Information → Submit Job. Credentials live only in this state until the job is submitted. */
export type StartStep =
  | { kind: 'idle' }
  | { kind: 'checking' }
  /** `typed`: the user names entered before going back from Submit Job (passwords are typed again). */
  | { kind: 'credentials'; context: StartContext; hosts: RequiredHost[]; typed: Pick<HostCredentials, 'host' | 'user'>[] }
  | { kind: 'submit'; context: StartContext; hosts: RequiredHost[]; credentials: HostCredentials[]; password: string | undefined };


/**
 * Start: reads each marked session from the catalog (scenario, type, encryption), checks the
 * marks make one job and the destination is complete, then asks which hosts need credentials.
 */
export function useStartRestore(): {
  step: StartStep;
  problem: StartProblem | undefined;
  start(): Promise<void>;
  setStep(step: StartStep): void;
  dismiss(): void;
} {
  const [step, setStep] = useState<StartStep>({ kind: 'idle' });
  const [problem, setProblem] = useState<StartProblem | undefined>();

  const start = async (): Promise<void> => {
    const { marks, destination, options, setDestinationErrors, showTab } = useRestore.getState();
    setProblem(undefined);
    setStep({ kind: 'checking' });
    const stop = (reason: StartProblem): void => {
      setProblem(reason);
      setStep({ kind: 'idle' });
    };
    const infos = new Map<number, SessionInfo>();
    for (const session of markedSessions(marks)) {
      const result = await api.invoke('restore.session', { session });
      if (!result.ok) return stop({ kind: 'error', error: result.error });
      infos.set(session, result.value);
    }
    const check = checkStart(marks, infos);
    if (!check.ok) return stop({ kind: 'message', text: check.message });
    const parsed = parseDestination(destination);
    if (!parsed.ok) {
      setDestinationErrors(parsed.errors);
      showTab('Destination');
      return stop({ kind: 'message', text: 'Complete the destination: a host and an absolute folder.' });
    }
    const spec = buildSpec(check.scenarioId, marks, parsed.destination, options);
    const hosts = await api.invoke('restore.required-hosts', { spec });
    if (!hosts.ok) return stop({ kind: 'error', error: hosts.error });
    setStep({ kind: 'credentials', context: { spec, scenarioName: check.scenarioName, encrypted: check.encrypted }, hosts: hosts.value, typed: [] });
  };

  return { step, problem, start, setStep, dismiss: () => setProblem(undefined) };
}
