import type { Database } from 'better-sqlite3';
import type { Clock } from '../../clock';
import { ActivityLog } from './activity-log';
import { Devices } from './devices';
import { FileCatalog } from './file-catalog';
import { appendJobSummary, type SummarySources } from './job-summary-source';
import type { JobSummary } from './job-summary';
import { BackupJobs } from './jobs';
import { MediaStore } from './media';
import { recoverInterruptedJobs, type RecoveryReport } from './recovery';
import { RegisteredScenarios } from './registered-scenarios';
import { RestoreViews } from './restore-views';
import { Sessions } from './sessions';
import { runReport, type RunReportQuery, type RunReportRow } from './run-report';
import { StagedSessions } from './staged-sessions';

/** Every store of the backup catalog over one opened catalog database (engine/catalog/open-catalog.ts). */
export interface BackupCatalog {
  activity: ActivityLog;
  scenarios: RegisteredScenarios;
  devices: Devices;
  media: MediaStore;
  jobs: BackupJobs;
  sessions: Sessions;
  files: FileCatalog;
  /** Sessions on a staging device group waiting to migrate to their destination group. */
  staged: StagedSessions;
  /** Top levels of the Restore Manager's Source views. */
  views: RestoreViews;
  /** Start-up step: fails what a previous process left running (recovery.ts). */
  recover(): RecoveryReport;
  /** Appends the summary block to a finished job run's Activity Log group. */
  appendJobSummary(runId: number): JobSummary;
  /** Reports → Backup and restore activity. */
  runReport(query: RunReportQuery): RunReportRow[];
}

export function createBackupCatalog(db: Database, clock: Clock): BackupCatalog {
  const activity = new ActivityLog(db, clock);
  const scenarios = new RegisteredScenarios(db, activity, clock);
  const devices = new Devices(db, activity, clock);
  const media = new MediaStore(db, devices, activity, clock);
  const jobs = new BackupJobs(db, scenarios, devices, activity, clock);
  const sessions = new Sessions(db, clock);
  const files = new FileCatalog(db);
  const sources: SummarySources = { db, runs: jobs.runs, sessions, media, scenarios, activity, clock };
  return {
    activity,
    scenarios,
    devices,
    media,
    jobs,
    sessions,
    files,
    staged: new StagedSessions(db, sessions, clock),
    views: new RestoreViews(db, media, scenarios, files),
    recover: () => recoverInterruptedJobs({ jobs, sessions, activity }),
    appendJobSummary: (runId) => appendJobSummary(sources, runId),
    runReport: (query) => runReport(db, query),
  };
}
