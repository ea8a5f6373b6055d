import type { ReactElement } from 'react';
import type { ReplicaProtection, Scenario, SnapshotInfo } from '../../../../electron/api/contract';
import { Icon } from '../../components/Icon';
import { journalRows, trimWarning } from './protection-view';
import { SnapshotTable } from './SnapshotTable';
import { useFrameworkView } from './use-framework-view';

interface ReplicaProtectionSectionProps {
  scenario: Scenario;
  replica: Scenario['replicas'][number];
  protection: ReplicaProtection | undefined;
  onCreate(): void;
  onRelease(snapshot: SnapshotInfo): void;
  onExport(snapshot: SnapshotInfo): void;
}

/** One Replica: its rewind journal (entries, size against the limit, oldest point), a trim warning, and its snapshots. */
export function ReplicaProtectionSection({ scenario, replica, protection, onCreate, onRelease, onExport }: ReplicaProtectionSectionProps): ReactElement {
  const browseSnapshot = useFrameworkView((state) => state.browseSnapshot);
  const journal = protection?.journal;
  const warning = journal && trimWarning(journal);
  const headingId = `protection-${replica.id}`;
  return (
    <section className="protection-section" aria-labelledby={headingId}>
      <header className="protection-header">
        <h3 id={headingId}>Replica {replica.host}</h3>
        <button type="button" onClick={onCreate} aria-label={`Create snapshot of Replica ${replica.host}`} title="Take a read-only point-in-time view of this Replica">
          <Icon name="camera" /> Create snapshot
        </button>
      </header>
      {protection?.error && <p className="note">Journal and snapshots not available: {protection.error}</p>}
      {warning && (
        <p className="warning-banner">
          <Icon name="problem" title="Warning" /> {warning}
        </p>
      )}
      {journal && (
        <table className="grid statistics-table journal-table" aria-label={`Rewind journal of Replica ${replica.host}`}>
          <tbody>
            {journalRows(journal).map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <SnapshotTable
        host={replica.host}
        snapshots={protection?.snapshots ?? []}
        onBrowse={(snapshot) => browseSnapshot(scenario.id, replica.id, snapshot.id)}
        onExport={onExport}
        onRelease={onRelease}
      />
    </section>
  );
}
