import { useState, type ReactElement } from 'react';
import type { ErrorInfo, Scenario } from '../../../../electron/api/contract';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useProtection } from '../../store/protection';
import { ArReplicaStatus } from './ArReplicaStatus';
import { readOnlyReason } from './scenario-lock';
import { lockViewOf, useScenarioLock } from './use-scenario-lock';

/** The Host pane's Assured Recovery part: each Replica's test state and last report, and a button to test it now. */
export function AssuredRecoveryPanel({ scenario }: { scenario: Scenario }): ReactElement {
  const startAr = useProtection((state) => state.startAr);
  const stopAr = useProtection((state) => state.stopAr);
  const [error, setError] = useState<ErrorInfo | undefined>();
  const [starting, setStarting] = useState<string | undefined>();
  const running = scenario.status.state === 'running';
  // A backup job controls the scenario: its test belongs to that job until control is taken.
  const lockReason = useScenarioLock((state) => readOnlyReason(lockViewOf(state, scenario.id)));
  const enabled = scenario.options.arEnabled;
  const start = async (replicaId: string): Promise<void> => {
    setStarting(replicaId);
    setError(undefined);
    const result = await startAr(scenario.id, replicaId);
    setStarting(undefined);
    if (!result.ok) setError(result.error);
  };
  const stop = async (replicaId: string): Promise<void> => {
    setError(undefined);
    const result = await stopAr(scenario.id, replicaId);
    if (!result.ok) setError(result.error);
  };
  return (
    <section className="ar-panel" aria-labelledby="ar-heading">
      <h3 id="ar-heading" className="pane-subheader">
        Assured Recovery
      </h3>
      {!enabled && <p className="empty">Assured Recovery is off for this scenario (Properties → Assured Recovery).</p>}
      {error && (
        <div className="dismissable">
          <ErrorBanner error={error} />
          <button type="button" className="link" onClick={() => setError(undefined)}>
            Dismiss
          </button>
        </div>
      )}
      {scenario.replicas.map((replica) => (
        <ArReplicaStatus
          hideWhenOff={!enabled}
          key={replica.id}
          scenario={scenario}
          replica={replica}
          canStart={running && enabled && starting === undefined && lockReason === undefined}
          {...(lockReason === undefined ? {} : { lockReason })}
          onStart={() => void start(replica.id)}
          onStop={() => void stop(replica.id)}
        />
      ))}
    </section>
  );
}
