import { useEffect, type ReactElement } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { JOB_STATUS_TABS, startJobStatusPolling, useJobStatus } from '../../store/job-status';
import { ActivityLogTab } from './ActivityLogTab';
import { JobQueueTable } from './JobQueueTable';
import './job-status.css';

/** The Job Status Manager: the Job Queue (every backup and restore job) and the Activity Log, polled every 2 s while shown. */
export function JobStatusManager(): ReactElement {
  const tab = useJobStatus((state) => state.tab);
  const showTab = useJobStatus((state) => state.showTab);
  const jobs = useJobStatus((state) => state.jobs);
  const progress = useJobStatus((state) => state.progress);
  const error = useJobStatus((state) => state.error);
  const act = useJobStatus((state) => state.act);
  useEffect(() => startJobStatusPolling(), []);

  return (
    <div className="window job-status-manager">
      <header className="title-bar">
        <h1>Job Status Manager</h1>
      </header>
      {error && <ErrorBanner error={error} />}
      <main className="panes">
        <section className="pane" aria-label="Job status">
          <div role="tablist" aria-label="Job status" className="tabs">
            {JOB_STATUS_TABS.map((name) => (
              <button key={name} role="tab" id={`job-status-tab-${name}`} aria-selected={tab === name} aria-controls="job-status-panel" onClick={() => showTab(name)}>
                {name}
              </button>
            ))}
          </div>
          <div role="tabpanel" id="job-status-panel" aria-labelledby={`job-status-tab-${tab}`} className="job-status-panel">
            {tab === 'Job Queue' ? (
              jobs ? (
                <JobQueueTable jobs={jobs} progress={progress} onAction={(job, action) => act(job.id, action)} onDelete={(job) => act(job.id, 'delete')} />
              ) : (
                <p className="empty">Reading the job queue…</p>
              )
            ) : (
              <ActivityLogTab />
            )}
          </div>
        </section>
      </main>
    </div>
  );
}
