import type { ReactElement } from 'react';
import type { Scenario, SnapshotInfo } from '../../../../electron/api/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useProtection } from '../../store/protection';

interface ReleaseSnapshotDialogProps {
  scenario: Scenario;
  replica: Scenario['replicas'][number];
  snapshot: SnapshotInfo;
  onClose(): void;
}

/** Asks before releasing a snapshot: its view is gone, and the journal it held can be trimmed. */
export function ReleaseSnapshotDialog({ scenario, replica, snapshot, onClose }: ReleaseSnapshotDialogProps): ReactElement {
  const releaseSnapshot = useProtection((state) => state.releaseSnapshot);
  return (
    <ConfirmDialog
      title="Release snapshot"
      confirmLabel="Release"
      action={() => releaseSnapshot({ id: scenario.id, replicaId: replica.id, snapshotId: snapshot.id })}
      onClose={onClose}
    >
      <p>
        Release the snapshot <strong>{snapshot.name}</strong> of Replica {replica.host}? It can no longer be browsed, exported or backed up, and the
        rewind journal it kept can be trimmed.
      </p>
    </ConfirmDialog>
  );
}
