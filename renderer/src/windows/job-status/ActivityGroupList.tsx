import type { ReactElement } from 'react';
import { groupCounts, groupResult, groupTime, type ActivityGroup } from './activity-groups';

interface ActivityGroupListProps {
  groups: readonly ActivityGroup[];
  selectedRunId: number | undefined;
  onSelect(runId: number): void;
}

/** The Activity Log's groups, one per job run, newest first: job, run, result, time and counts. */
export function ActivityGroupList({ groups, selectedRunId, onSelect }: ActivityGroupListProps): ReactElement {
  if (groups.length === 0) return <p className="empty">No job has run yet.</p>;
  return (
    <ul className="activity-groups" aria-label="Job runs">
      {groups.map((group) => {
        const selected = group.runId === selectedRunId;
        return (
          <li key={group.runId} className={selected ? 'selected' : undefined}>
            <button type="button" aria-pressed={selected} aria-label={`Run ${group.runId} of ${group.jobName}`} onClick={() => onSelect(group.runId)}>
              <span className="group-job">{group.jobName}</span>
              <span className={`group-result run-${groupResult(group)}`}>{groupResult(group)}</span>
              <span className="group-detail">
                Run {group.runId} · {groupTime(group)}
              </span>
              <span className="group-detail">{groupCounts(group)}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
