import type { ReactElement } from 'react';
import type { Scenario } from '../../../../electron/api/contract';
import { Icon } from '../../components/Icon';
import { useLive } from '../../store/live';
import { selectedReplica, useScenarios } from '../../store/scenarios';
import { linkOf } from './link-status';

interface ToolbarProps {
  scenario: Scenario | undefined;
  /** A command is under way: Run/Suspend/Resume wait for it. */
  busy: boolean;
  onNew(): void;
  onRun(): void;
  onStop(): void;
  onSuspend(replicaId: string): void;
  onResume(replicaId: string): void;
  onRewind(): void;
  onBookmark(): void;
  onAssuredRecovery(replicaId: string): void;
  onBackUpNow(): void;
  onRemove(): void;
  /** A backup job controls the scenario: why its changing actions are disabled (read-only until it ends or control is taken). */
  lockReason?: string | undefined;
}

/** The scenario actions in SPEC.md's order (those that work so far), plus Set bookmark and Back up now. */
export function Toolbar({ scenario, busy, onNew, onRun, onStop, onSuspend, onResume, onRewind, onBookmark, onAssuredRecovery, onBackUpNow, onRemove, lockReason }: ToolbarProps): ReactElement {
  const replica = useScenarios((state) => selectedReplica(scenario, state.selectedReplicaId));
  const linkState = useLive((state) => (scenario && replica ? linkOf(state.byId[scenario.id], replica.id)?.state : undefined));
  const running = scenario?.status.state === 'running';
  const stopped = scenario?.status.state === 'stopped';
  const replicaName = replica ? `Replica ${replica.host}` : 'the selected Replica';
  const locked = lockReason !== undefined;
  return (
    <div role="toolbar" aria-label="Scenario actions" className="toolbar">
      <button type="button" onClick={onNew} title="Create a new scenario (Ctrl+N)">
        <Icon name="plus" /> New
      </button>
      <button type="button" onClick={onRun} disabled={!stopped || busy || locked} title={lockReason ?? 'Run the selected scenario: synchronize, then replicate'}>
        <Icon name="running" className="tone-running" /> Run
      </button>
      <button type="button" onClick={onStop} disabled={!running || locked} title={lockReason ?? 'Stop the selected scenario'}>
        <Icon name="stopped" /> Stop
      </button>
      <button
        type="button"
        onClick={() => replica && onSuspend(replica.id)}
        disabled={!running || busy || !replica || linkState === 'suspended' || locked}
        title={lockReason ?? `Suspend replication to ${replicaName} (changes go to the spool)`}
      >
        <Icon name="pause" /> Suspend
      </button>
      <button
        type="button"
        onClick={() => replica && onResume(replica.id)}
        disabled={!running || busy || !replica || linkState !== 'suspended' || locked}
        title={lockReason ?? `Resume replication to ${replicaName} (the spool drains)`}
      >
        <Icon name="sync" /> Resume
      </button>
      <button type="button" onClick={onRewind} disabled={!scenario || scenario.replicas.length === 0 || locked} title={lockReason ?? 'Browse the rewind points of a Replica and roll its data back to one'}>
        <Icon name="rewind" /> Rewind
      </button>
      <button type="button" onClick={onBookmark} disabled={!running || locked} title={lockReason ?? 'Set a named rewind bookmark on every Replica (only while running)'}>
        <Icon name="bookmark" /> Set bookmark
      </button>
      <button
        type="button"
        onClick={() => replica && onAssuredRecovery(replica.id)}
        disabled={!running || busy || !replica || !scenario.options.arEnabled || locked}
        title={lockReason ?? (scenario?.options.arEnabled ? `Test ${replicaName} now: run the application on its data, then roll the test back` : 'Turn Assured Recovery on in the Properties tab first')}
      >
        <Icon name="shield" /> Assured Recovery test
      </button>
      <button
        type="button"
        onClick={onBackUpNow}
        disabled={!running || busy || !scenario.options.backupEnabled || locked}
        title={lockReason ?? (scenario?.options.backupEnabled ? 'Back up the scenario now from its Replica (a one-time backup job)' : 'Turn Backup on in the Properties tab first')}
      >
        <Icon name="camera" /> Back up now
      </button>
      <button type="button" onClick={onRemove} disabled={!scenario || running || locked} title={lockReason ?? 'Remove the selected scenario (Delete)'}>
        <Icon name="trash" /> Remove
      </button>
    </div>
  );
}
