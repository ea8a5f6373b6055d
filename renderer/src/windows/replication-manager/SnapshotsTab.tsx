import { useState, type ReactElement } from 'react';
import type { Scenario, SnapshotInfo } from '../../../../electron/api/contract';
import { ErrorBanner } from '../../components/ErrorBanner';
import { replicaProtection, useProtection } from '../../store/protection';
import { CreateSnapshotDialog } from './CreateSnapshotDialog';
import { ExportSnapshotDialog } from './ExportSnapshotDialog';
import { ReleaseSnapshotDialog } from './ReleaseSnapshotDialog';
import { ReplicaProtectionSection } from './ReplicaProtectionSection';

type Replica = Scenario['replicas'][number];
type OpenDialog =
  | { kind: 'none' }
  | { kind: 'create'; replica: Replica }
  | { kind: 'release'; replica: Replica; snapshot: SnapshotInfo }
  | { kind: 'export'; replica: Replica; snapshot: SnapshotInfo };

/** Snapshots tab: each Replica's rewind journal and snapshots, with the snapshot actions. */
export function SnapshotsTab({ scenario }: { scenario: Scenario }): ReactElement {
  const loaded = useProtection((state) => state.byId[scenario.id] !== undefined);
  const error = useProtection((state) => state.errors[scenario.id]);
  const [dialog, setDialog] = useState<OpenDialog>({ kind: 'none' });
  const close = (): void => setDialog({ kind: 'none' });
  return (
    <div className="snapshots-tab">
      {error && <ErrorBanner error={error} />}
      {!loaded && !error && <p className="empty">Reading the Replicas&apos; journals and snapshots…</p>}
      {loaded &&
        scenario.replicas.map((replica) => (
          <ReplicaSection
            key={replica.id}
            scenario={scenario}
            replica={replica}
            onCreate={() => setDialog({ kind: 'create', replica })}
            onRelease={(snapshot) => setDialog({ kind: 'release', replica, snapshot })}
            onExport={(snapshot) => setDialog({ kind: 'export', replica, snapshot })}
          />
        ))}
      {dialog.kind === 'create' && <CreateSnapshotDialog scenario={scenario} replica={dialog.replica} onClose={close} />}
      {dialog.kind === 'release' && <ReleaseSnapshotDialog scenario={scenario} replica={dialog.replica} snapshot={dialog.snapshot} onClose={close} />}
      {dialog.kind === 'export' && <ExportSnapshotDialog scenario={scenario} replica={dialog.replica} snapshot={dialog.snapshot} onClose={close} />}
    </div>
  );
}

interface ReplicaSectionProps {
  scenario: Scenario;
  replica: Replica;
  onCreate(): void;
  onRelease(snapshot: SnapshotInfo): void;
  onExport(snapshot: SnapshotInfo): void;
}

/** Reads one Replica's protection from the store, so a poll re-renders only the Replicas whose figures changed. */
function ReplicaSection({ scenario, replica, ...actions }: ReplicaSectionProps): ReactElement {
  const protection = useProtection((state) => replicaProtection(state, scenario.id, replica.id));
  return <ReplicaProtectionSection scenario={scenario} replica={replica} protection={protection} {...actions} />;
}
