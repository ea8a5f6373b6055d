import { useEffect, type ReactElement } from 'react';
import type { Scenario } from '../../../../electron/api/contract';
import { ErrorBanner } from '../../components/ErrorBanner';
import { startBackupPolling, useBackups } from '../../store/backups';
import { BackupActivityTable } from './BackupActivityTable';
import { BackupJobTable } from './BackupJobTable';
import { jobsOfScenario } from './backup-jobs';

/** Backups tab: the backup jobs that include the scenario, polled while shown, and the selected job's last run. */
export function BackupsTab({ scenario }: { scenario: Scenario }): ReactElement {
  const jobs = useBackups((state) => state.jobs);
  const error = useBackups((state) => state.error);
  const selectedJobId = useBackups((state) => state.selectedJobId);
  const entries = useBackups((state) => state.entries);
  const selectJob = useBackups((state) => state.selectJob);
  const act = useBackups((state) => state.act);
  useEffect(() => startBackupPolling(), []);

  const mine = jobs ? jobsOfScenario(jobs, scenario.id) : [];
  const selected = mine.find((job) => job.id === selectedJobId);
  const runId = selected?.lastRun?.id;
  return (
    <div className="backups-tab">
      {error && <ErrorBanner error={error} />}
      {!jobs && !error && <p className="empty">Reading the backup jobs…</p>}
      {jobs && <BackupJobTable jobs={mine} selectedJobId={selected?.id} onSelect={selectJob} onAction={(job, action) => void act(job.id, action)} />}
      {selected && runId === undefined && <p className="empty">Job {selected.name} has not run yet.</p>}
      {selected && runId !== undefined && <BackupActivityTable entries={entries[runId]} />}
    </div>
  );
}
