import { useState } from 'react';
import type { ErrorInfo, Scenario } from '../../../../electron/api/contract';
import { useBackups } from '../../store/backups';
import { useLive } from '../../store/live';
import { useProtection } from '../../store/protection';
import { useScenarios } from '../../store/scenarios';

export interface ScenarioCommands {
  busy: boolean;
  /** The last command's refusal, shown under the toolbar until dismissed or the next command. */
  error: ErrorInfo | undefined;
  dismiss(): void;
  run(scenario: Scenario): void;
  suspend(scenario: Scenario, replicaId: string): void;
  resume(scenario: Scenario, replicaId: string): void;
  /** Starts an Assured Recovery test of the Replica; its progress shows in the Host pane. */
  assuredRecovery(scenario: Scenario, replicaId: string): void;
  /** Submits a one-time backup job of the scenario; its progress shows in the Backups tab. */
  backUpNow(scenario: Scenario): void;
}

/**
 * Toolbar commands that need no confirmation. Run first asks which hosts need engine
 * credentials; when some do, it hands over to the credentials dialog instead of running.
 */
export function useScenarioCommands(askCredentials: (hosts: string[]) => void): ScenarioCommands {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | undefined>();
  const guard = (work: () => Promise<ErrorInfo | undefined>): void => {
    setBusy(true);
    setError(undefined);
    void work().then((refusal) => {
      setBusy(false);
      setError(refusal);
    });
  };
  return {
    busy,
    error,
    dismiss: () => setError(undefined),
    run: (scenario) =>
      guard(async () => {
        const { needsCredentials, run } = useScenarios.getState();
        const hosts = await needsCredentials(scenario.id);
        if (!hosts.ok) return hosts.error;
        if (hosts.value.length > 0) {
          askCredentials(hosts.value);
          return undefined;
        }
        const result = await run(scenario.id, []);
        return result.ok ? undefined : result.error;
      }),
    suspend: (scenario, replicaId) => guard(() => useLive.getState().suspend(scenario.id, replicaId)),
    resume: (scenario, replicaId) => guard(() => useLive.getState().resume(scenario.id, replicaId)),
    assuredRecovery: (scenario, replicaId) =>
      guard(async () => {
        const result = await useProtection.getState().startAr(scenario.id, replicaId);
        return result.ok ? undefined : result.error;
      }),
    backUpNow: (scenario) =>
      guard(async () => {
        const result = await useBackups.getState().backUpNow(scenario.id);
        return result.ok ? undefined : result.error;
      }),
  };
}
