import { useEffect, useState, type ReactElement } from 'react';
import type { ErrorInfo } from '../../../../electron/api/contract';
import { ErrorBanner } from '../../components/ErrorBanner';
import { startBackupPolling, useBackups } from '../../store/backups';
import { useRestore } from '../../store/restore';
import { BackupActivityTable } from '../replication-manager/BackupActivityTable';
import { formatBytes, formatCount } from '../replication-manager/format';
import { RestoreJobTable } from './RestoreJobTable';
import { canApplyPending, canSendToMaster, pendingNote, restoreJobs } from './restore-jobs';

/** What the last Send to Master / Apply pending said. */
type Outcome = { kind: 'done'; text: string } | { kind: 'failed'; error: ErrorInfo } | undefined;

/** The restore jobs (polled with the Job Queue), the chosen job's Activity Log, and what can follow a restore. */
export function RestoreJobsSection(): ReactElement {
  const jobs = useBackups((state) => state.jobs);
  const error = useBackups((state) => state.error);
  const selectedJobId = useBackups((state) => state.selectedJobId);
  const entries = useBackups((state) => state.entries);
  const selectJob = useBackups((state) => state.selectJob);
  const refreshJobs = useBackups((state) => state.refresh);
  const queued = useRestore((state) => state.queued);
  const sendToMaster = useRestore((state) => state.sendToMaster);
  const applyPending = useRestore((state) => state.applyPending);
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  useEffect(() => startBackupPolling(), []);

  const mine = jobs ? restoreJobs(jobs) : [];
  const selected = mine.find((job) => job.id === selectedJobId);
  const runId = selected?.lastRun?.id;
  const pending = selected && pendingNote(selected);
  const run = async (action: 'send' | 'apply', jobId: number): Promise<void> => {
    setBusy(true);
    setOutcome(undefined);
    if (action === 'send') {
      const result = await sendToMaster(jobId);
      setOutcome(result.ok ? { kind: 'done', text: `Sent to the Master: ${formatCount(result.value.files)} files, ${formatCount(result.value.directories)} folders, ${formatBytes(result.value.bytes)}.` } : { kind: 'failed', error: result.error });
    } else {
      const result = await applyPending(jobId);
      setOutcome(result.ok ? { kind: 'done', text: `Applied ${formatCount(result.value.files)} pending files.` } : { kind: 'failed', error: result.error });
    }
    // The job's outcome changes (nothing pending any more): read it now rather than at the next poll.
    await refreshJobs();
    setBusy(false);
  };

  return (
    <section className="restore-jobs" aria-label="Restore jobs section">
      <h2 className="pane-subheader">Restore jobs</h2>
      {queued && (
        <p className="queued-note">
          Restore job {queued.jobId} &quot;{queued.name}&quot; was queued.
        </p>
      )}
      {error && <ErrorBanner error={error} />}
      {!jobs && !error && <p className="empty">Reading the job queue…</p>}
      {jobs && <RestoreJobTable jobs={mine} selectedJobId={selected?.id} onSelect={(jobId) => { setOutcome(undefined); selectJob(jobId); }} />}
      {selected && (
        <div className="restore-job-actions">
          <button type="button" disabled={busy || !canSendToMaster(selected)} onClick={() => void run('send', selected.id)} title="Copy the restored paths from the Replica to the Master (reverse synchronization)">
            Send to Master
          </button>
          <button type="button" disabled={busy || !canApplyPending(selected)} onClick={() => void run('apply', selected.id)} title="Swap in files restored beside a running application (.TMP), once it is stopped">
            Apply pending restore
          </button>
          {outcome?.kind === 'done' && <span className="queued-note">{outcome.text}</span>}
        </div>
      )}
      {pending && <p className="note pending-note">{pending}</p>}
      {outcome?.kind === 'failed' && <ErrorBanner error={outcome.error} />}
      {selected && runId === undefined && <p className="empty">Job {selected.name} has not run yet.</p>}
      {selected && runId !== undefined && <BackupActivityTable entries={entries[runId]} />}
    </section>
  );
}
