import type { ReactElement } from 'react';
import { entryMessage, formatInstant, type ActivityEntry } from './backup-jobs';

/** The Activity Log entries of a job's last run, oldest first. */
export function BackupActivityTable({ entries }: { entries: readonly ActivityEntry[] | undefined }): ReactElement {
  if (!entries) return <p className="empty">Reading the Activity Log…</p>;
  return (
    <table className="grid backup-activity-table" aria-label="Activity Log of the last run">
      <thead>
        <tr>
          <th scope="col">Type</th>
          <th scope="col">Time</th>
          <th scope="col">Message</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <td className={`activity-${entry.type.toLowerCase()}`}>{entry.type}</td>
            <td>{formatInstant(entry.time)}</td>
            <td>{entryMessage(entry)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
