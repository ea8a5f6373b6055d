import { useState, type ReactElement } from 'react';
import { Icon } from '../../components/Icon';
import { childName, childrenOf, findRun, groupCounts, groupResult, groupTime, groupTotals, type ActivityGroup } from './activity-groups';

interface ActivityGroupListProps {
  groups: readonly ActivityGroup[];
  selectedRunId: number | undefined;
  onSelect(runId: number): void;
}

/** One run's header: job, result, run number and time, and its Error/Warning/Information counts. */
function GroupButton({ group, label, title, selected, onSelect }: { group: ActivityGroup; label: string; title: string; selected: boolean; onSelect(runId: number): void }): ReactElement {
  return (
    <button type="button" className="group-select" aria-pressed={selected} aria-label={label} onClick={() => onSelect(group.runId)}>
      <span className="group-job">{title}</span>
      <span className={`group-result run-${groupResult(group)}`}>{groupResult(group)}</span>
      <span className="group-detail">
        Run {group.runId} · {groupTime(group)}
      </span>
      <span className="group-detail">{groupCounts(groupTotals(group))}</span>
    </button>
  );
}

/**
 * The Activity Log's groups, one per job run, newest first. A run of several scenarios
 * (multistreaming) holds a child run per scenario, listed under it when expanded; each child
 * shows its own entries, the parent all of them.
 */
export function ActivityGroupList({ groups, selectedRunId, onSelect }: ActivityGroupListProps): ReactElement {
  // Shown again (another tab, another window), the list opens the run whose child is selected.
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => {
    const parent = selectedRunId === undefined ? undefined : findRun(groups, selectedRunId)?.parent;
    return new Set(parent ? [parent.runId] : []);
  });
  if (groups.length === 0) return <p className="empty">No job has run yet.</p>;
  const toggle = (runId: number): void =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(runId)) next.add(runId);
      return next;
    });
  return (
    <ul className="activity-groups" aria-label="Job runs">
      {groups.map((group) => {
        const children = childrenOf(group);
        const open = expanded.has(group.runId);
        return (
          <li key={group.runId} className={group.runId === selectedRunId ? 'selected' : undefined}>
            <div className="group-row">
              <GroupButton group={group} label={`Run ${group.runId} of ${group.jobName}`} title={group.jobName} selected={group.runId === selectedRunId} onSelect={onSelect} />
              {children.length > 0 && (
                <button
                  type="button"
                  className="group-toggle"
                  aria-expanded={open}
                  aria-label={`Child runs of run ${group.runId}`}
                  title={`${children.length} child ${children.length === 1 ? 'run' : 'runs'}, one per scenario`}
                  onClick={() => toggle(group.runId)}
                >
                  <Icon name="chevron" className={open ? 'open' : undefined} /> {children.length}
                </button>
              )}
            </div>
            {open && children.length > 0 && (
              <ul className="activity-children" aria-label={`Child runs of run ${group.runId}`}>
                {children.map((child) => (
                  <li key={child.runId} className={child.runId === selectedRunId ? 'selected' : undefined}>
                    <GroupButton
                      group={child}
                      label={`Child run ${child.runId} of ${group.jobName}: ${childName(child)}`}
                      title={childName(child)}
                      selected={child.runId === selectedRunId}
                      onSelect={onSelect}
                    />
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
