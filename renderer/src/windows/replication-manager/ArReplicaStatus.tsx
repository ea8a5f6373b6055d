import type { ReactElement } from 'react';
import type { Scenario } from '../../../../electron/api/contract';
import { Icon } from '../../components/Icon';
import { replicaProtection, useProtection } from '../../store/protection';
import { formatDateTime } from './format';
import { arAftermath, arReportLine, arStateLabel, arStepRows } from './protection-view';

interface ArReplicaStatusProps {
  scenario: Scenario;
  replica: Scenario['replicas'][number];
  canStart: boolean;
  /** Assured Recovery is off: show the Replica only when it has a report from an earlier test. */
  hideWhenOff: boolean;
  onStart(): void;
  onStop(): void;
  /** Why the scenario is read-only now (a backup job controls it): the test is that job's. */
  lockReason?: string;
}

/** One Replica's Assured Recovery: state (and step) now, and the last test's result with each step's exit code. */
export function ArReplicaStatus({ scenario, replica, canStart, hideWhenOff, onStart, onStop, lockReason }: ArReplicaStatusProps): ReactElement | null {
  const ar = useProtection((state) => replicaProtection(state, scenario.id, replica.id)?.ar);
  const idle = ar === undefined || ar.state === 'idle';
  const report = ar?.lastReport ?? null;
  if (hideWhenOff && idle && report === null) return null;
  return (
    <div className="ar-replica" role="group" aria-label={`Assured Recovery of Replica ${replica.host}`}>
      <div className="ar-state">
        <Icon name="shield" className={idle ? undefined : 'tone-running'} />
        <span className="host-name">{replica.host}</span>
        <span className="host-detail">
          {ar ? arStateLabel(ar) : 'No status'}
          {ar && !idle && ar.since !== null && ` since ${formatDateTime(ar.since)}`}
        </span>
        <button
          type="button"
          aria-label={`Start test of Replica ${replica.host}`}
          title="Assured Recovery: suspend replication to this Replica, run the start, verify and stop commands on its data, then roll the test's changes back"
          disabled={!canStart || !idle}
          onClick={onStart}
        >
          Start test
        </button>
        {ar && (ar.state === 'preparing' || ar.state === 'testing') && (
          <button
            type="button"
            aria-label={`Stop test of Replica ${replica.host}`}
            title={lockReason ?? 'Kill the running test command, skip the others, and roll the Replica back'}
            disabled={lockReason !== undefined}
            onClick={onStop}
          >
            Stop test
          </button>
        )}
      </div>
      {report && (
        <div className="ar-report">
          <p className={report.result === 'passed' ? 'tone-running' : 'tone-problem'}>Last test: {arReportLine(report)}</p>
          <table className="grid ar-steps" aria-label={`Last test steps of Replica ${replica.host}`}>
            <colgroup>
              <col className="ar-col-step" />
              <col />
              <col className="ar-col-result" />
              <col className="ar-col-duration" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">Command</th>
                <th scope="col">Result</th>
                <th scope="col">Duration</th>
              </tr>
            </thead>
            <tbody>
              {arStepRows(report).map((step) => (
                <tr key={step.name}>
                  <th scope="row">{step.name}</th>
                  <td title={step.command}>{step.command}</td>
                  <td>{step.exit}</td>
                  <td>{step.duration}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="ar-aftermath">{arAftermath(report)}</p>
        </div>
      )}
    </div>
  );
}
