import fs from 'node:fs/promises';
import path from 'node:path';
import type { ScenarioControl } from '../manager/scenario-control';
import { describeError } from '../messages/describe-error';
import { UserError } from '../messages/user-error';
import type { Scenario } from '../scenario/model';
import { codeOf } from './agent-errors';
import { checksumPathOf, manifestPathOf, partialPathOf } from './archive/format';
import type { BackupCatalog } from './catalog/backup-catalog';
import type { DeviceGroup } from './catalog/devices';
import type { BackupJob, BackupJobDraft, JobRun, QueueJob, RestoreJob, RunResult } from './catalog/job-model';
import type { RunOutcome } from './catalog/job-runs';
import { registrationOf } from './catalog/registration';
import { backUpScenario } from './scenario-backup';
import { DEFAULT_SCANNER, type VirusScanner } from './virus-scan';
import { JobProgressCounter, type JobProgress } from './job-progress';
import type { RestoreJobDraft } from '../restore/restore-model';
import type { ScenarioLock } from './backup-manager-model';
import { runRestore } from '../restore/restore-run';
import { migrateStagedSessions } from './staging-migration';

export interface BackupServiceOptions {
  /** Where the default disk device keeps its media (created on first use). */
  readonly defaultDeviceDir: string;
  /** How often the queue is looked at for due jobs. */
  readonly pollMs?: number;
  readonly owner?: string;
  /** The virus scanner jobs with scanning on use (default: clamscan on the PATH). */
  readonly scanner?: VirusScanner;
}

const DEFAULT_GROUP = 'Default';

/**
 * The backup server's job executor: takes due jobs from the queue (the catalog), runs one
 * child job per scenario in parallel (multistreaming), holds each scenario for the job's
 * length (a second job gets AE0470), and records the outcome, the Activity Log and the job
 * summary. Session passwords are kept in this process's memory only, never on disk.
 */
export class BackupService {
  private readonly passwords = new Map<number, string>();
  /** Scenarios a running job controls, with which job: one backup or restore at a time (AE0470). */
  private readonly held = new Map<string, Holder>();
  private readonly running = new Set<Promise<void>>();
  /** Jobs running now, by id: stopping one aborts its child runs between two files. */
  private readonly cancels = new Map<number, AbortController>();
  /** Running jobs' progress, by job id (the Job Queue's progress bars). */
  private readonly progress = new Map<number, JobProgressCounter>();
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  private migrating = false;

  constructor(
    readonly catalog: BackupCatalog,
    private readonly control: ScenarioControl,
    private readonly options: BackupServiceOptions,
  ) {}

  /** Fails what a previous process left Active (removing its half-written files), then looks at the queue regularly. */
  start(): void {
    const recovered = this.catalog.recover();
    for (const number of recovered.sessions) void this.removePartial(number);
    this.timer = setInterval(() => void this.tick(), this.options.pollMs ?? 1000);
    this.timer.unref();
  }

  /** A scenario with the Backup option that is run (or edited) is registered in the catalog; one edited to drop it, unregistered. */
  register(scenario: Scenario): void {
    if (scenario.options.backupEnabled) this.catalog.scenarios.register(registrationOf(scenario));
    else this.unregister(scenario.id);
  }

  /** A removed scenario leaves the catalog's list (its sessions stay restorable under its name). */
  unregister(scenarioId: string): void {
    if (this.catalog.scenarios.get(scenarioId)?.removedAt === null) this.catalog.scenarios.unregister(scenarioId);
  }

  submit(draft: BackupJobDraft, password?: string): BackupJob {
    const job = this.catalog.jobs.create(draft);
    if (password) this.passwords.set(job.id, password);
    void this.tick();
    return job;
  }

  /** Queues a restore job whose destination and password were checked (engine/restore/restore-service.ts). */
  submitRestore(draft: RestoreJobDraft, password?: string): QueueJob {
    const job = this.catalog.jobs.createRestore(draft);
    if (password) this.passwords.set(job.id, password);
    void this.tick();
    return job;
  }

  /** "Back up now": a one-time job for one scenario to the default device group. */
  async backupNow(scenarioId: string, options: { password?: string; compression?: 'gzip' | 'none' } = {}): Promise<BackupJob> {
    const scenario = this.control.scenario(scenarioId);
    if (!this.catalog.scenarios.get(scenarioId)) this.catalog.scenarios.register(registrationOf(scenario));
    const group = await this.defaultGroup();
    return this.submit(
      {
        name: `Back up ${scenario.name}`,
        scenarioIds: [scenarioId],
        deviceGroupId: group.id,
        options: { compression: options.compression ?? 'gzip', encryption: options.password !== undefined },
        schedule: { kind: 'once', at: new Date().toISOString() },
        owner: this.options.owner ?? 'administrator',
      },
      options.password,
    );
  }

  /** The group "Default" with one disk device in the data folder, created when first needed. */
  async defaultGroup(): Promise<DeviceGroup> {
    const existing = this.catalog.devices.groups().find((group) => group.name === DEFAULT_GROUP && group.devices.length > 0);
    if (existing) return existing;
    await fs.mkdir(this.options.defaultDeviceDir, { recursive: true });
    const group = this.catalog.devices.groups().find((candidate) => candidate.name === DEFAULT_GROUP) ?? this.catalog.devices.createGroup(DEFAULT_GROUP);
    this.catalog.devices.addDiskDevice({ groupId: group.id, name: 'Local disk', path: path.resolve(this.options.defaultDeviceDir) });
    return this.catalog.devices.requireGroup(group.id);
  }

  /** Starts every job that is due (a job already running is not started twice) and migrates staged sessions whose time has come. */
  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      for (let claimed = this.catalog.jobs.claimNextDue(); claimed; claimed = this.catalog.jobs.claimNextDue()) {
        const running = this.runJob(claimed.job, claimed.run).finally(() => this.running.delete(running));
        this.running.add(running);
      }
    } finally {
      this.ticking = false;
    }
    if (!this.migrating) {
      this.migrating = true;
      const migration: Promise<void> = migrateStagedSessions(this.catalog)
        .catch((error: unknown) => void this.catalog.activity.appendError(error))
        .finally(() => {
          this.migrating = false;
          this.running.delete(migration);
        });
      this.running.add(migration);
    }
  }

  /** Stops a running job ("Job Canceled"): each scenario stops between two files, its session is failed and removed. */
  cancel(jobId: number): void {
    const controller = this.cancels.get(jobId);
    if (!controller) throw new UserError('E3376', `job ${jobId} is not running`);
    controller.abort();
  }

  /** Resolves when every job started so far has ended (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.idle();
  }

  /** What a session cut short left on its device: never a complete-looking file (those are renamed at the end), only partial ones. */
  private async removePartial(number: number): Promise<void> {
    const session = this.catalog.sessions.get(number);
    if (!session) return;
    const archive = path.join(session.devicePath, session.archiveFile);
    for (const file of [partialPathOf(archive), partialPathOf(manifestPathOf(archive, session.encryption !== null)), partialPathOf(checksumPathOf(archive))]) {
      await fs.rm(file, { force: true });
    }
  }

  /** How far each running job is. */
  progressOfRunning(): JobProgress[] {
    const now = new Date();
    return [...this.progress.values()].map((counter) => counter.view(now));
  }

  private async runJob(job: QueueJob, run: JobRun): Promise<void> {
    const counter = new JobProgressCounter(job.id, new Date());
    this.progress.set(job.id, counter);
    try {
      await (job.kind === 'restore' ? this.runRestoreJob(job, run, counter) : this.runBackupJob(job, run, counter));
    } finally {
      this.progress.delete(job.id);
    }
  }

  private async runBackupJob(job: BackupJob, run: JobRun, progress: JobProgressCounter): Promise<void> {
    const controller = new AbortController();
    this.cancels.set(job.id, controller);
    const outcomes = await this.runChildren(job, (scenario) => this.runChild(job, run, scenario, controller.signal, progress)).finally(() => this.cancels.delete(job.id));
    const result: RunResult = controller.signal.aborted
      ? 'canceled'
      : outcomes.every((outcome) => outcome.result === 'succeeded')
        ? 'succeeded'
        : outcomes.some((outcome) => outcome.result === 'succeeded')
          ? 'incomplete'
          : 'failed';
    const failure = outcomes.find((outcome) => outcome.result !== 'succeeded');
    this.catalog.jobs.finish(run.id, {
      result,
      files: sum(outcomes, 'files'),
      directories: sum(outcomes, 'directories'),
      bytes: sum(outcomes, 'bytes'),
      errorCode: failure?.errorCode ?? null,
      errorMessage: failure?.errorMessage ?? null,
    });
    this.catalog.appendJobSummary(run.id);
    if (job.schedule.kind === 'once') this.passwords.delete(job.id);
  }

  private async runRestoreJob(job: RestoreJob, run: JobRun, progress: JobProgressCounter): Promise<void> {
    const controller = new AbortController();
    this.cancels.set(job.id, controller);
    const scenarioId = job.restore.scenarioId;
    let outcome: RunOutcome;
    try {
      // A backup holding the scenario is not waited for: the restore cannot stop it (AE0464 unless told to continue).
      const holder = this.held.get(scenarioId)?.label;
      if (!holder) this.held.set(scenarioId, { label: `restore job ${job.id} "${job.name}"`, job, since: new Date() });
      try {
        const result = await runRestore({ catalog: this.catalog, control: this.control, job, runId: run.id, password: this.passwords.get(job.id), signal: controller.signal, heldBy: () => holder, progress });
        this.catalog.jobs.runs.setRestoreOutcome(run.id, result.restore);
        outcome = result.outcome;
      } finally {
        if (!holder) this.held.delete(scenarioId);
      }
    } catch (error) {
      if (controller.signal.aborted) {
        this.catalog.activity.append({ type: 'Warning', runId: run.id, message: 'Job Canceled: the restore was stopped by the user; nothing it had written was kept' });
        outcome = { result: 'canceled', errorMessage: 'canceled by the user' };
      } else {
        this.catalog.activity.appendError(error, { runId: run.id });
        outcome = { result: 'failed', errorCode: codeOf(error) ?? 'E1099', errorMessage: describeError(error) };
      }
    } finally {
      this.cancels.delete(job.id);
      this.passwords.delete(job.id);
    }
    this.catalog.jobs.finish(run.id, outcome);
    this.catalog.appendJobSummary(run.id);
  }

  /** Multistreaming: every scenario's child job at once; without it, one after another in the job's order. */
  private async runChildren(job: BackupJob, runOne: (scenario: BackupJob['scenarios'][number]) => Promise<RunOutcome>): Promise<RunOutcome[]> {
    if (job.options.multistreaming) return Promise.all(job.scenarios.map(runOne));
    const outcomes: RunOutcome[] = [];
    for (const scenario of job.scenarios) outcomes.push(await runOne(scenario));
    return outcomes;
  }

  /** Which running job controls the scenario, if any (a restore cannot stop a scenario a backup holds). */
  holderOf(scenarioId: string): string | undefined {
    return this.held.get(scenarioId)?.label;
  }

  /** Whether a backup job controls the scenario now: the Replication Manager's "locked — take control?" prompt. */
  lockOf(scenarioId: string, host: string): ScenarioLock {
    const holder = this.held.get(scenarioId);
    if (!holder?.takeControl) return { locked: false };
    return { locked: true, jobId: holder.job.id, jobName: holder.job.name, host, since: holder.since.toISOString() };
  }

  /** Takes the scenario from the backup job controlling it: that child job stops between two files and fails with E3387. */
  takeControl(scenarioId: string, by: string): void {
    const holder = this.held.get(scenarioId);
    if (!holder?.takeControl) throw new UserError('E3376', `no backup job controls scenario ${scenarioId} now`);
    holder.takeControl.abort(new UserError('E3387', `${by} took control of the scenario while job ${holder.job.id} "${holder.job.name}" was backing it up`));
  }

  private async runChild(job: BackupJob, run: JobRun, scenario: { id: string; name: string }, jobSignal: AbortSignal, progress: JobProgressCounter): Promise<RunOutcome> {
    const child = this.catalog.jobs.runs.startChild(run.id, scenario.id);
    const takeControl = new AbortController();
    const signal = AbortSignal.any([jobSignal, takeControl.signal]);
    let outcome: RunOutcome;
    try {
      const holder = this.held.get(scenario.id);
      if (holder) throw new UserError('AE0470', `scenario "${scenario.name}": ${holder.label} controls it`);
      this.held.set(scenario.id, { label: `backup job ${job.id} "${job.name}"`, job, since: new Date(), takeControl });
      try {
        outcome = await backUpScenario({ catalog: this.catalog, control: this.control, job, runId: child.id, password: this.passwords.get(job.id), signal, scanner: this.options.scanner ?? DEFAULT_SCANNER, progress }, scenario.id);
      } finally {
        this.held.delete(scenario.id);
      }
    } catch (error) {
      if (takeControl.signal.aborted) {
        const reason: unknown = takeControl.signal.reason;
        this.catalog.activity.appendError(reason, { runId: child.id, scenarioName: scenario.name });
        outcome = { result: 'failed', errorCode: 'E3387', errorMessage: describeError(reason) };
      } else if (jobSignal.aborted) {
        this.catalog.activity.append({ type: 'Warning', runId: child.id, scenarioName: scenario.name, message: `Job Canceled: the backup of "${scenario.name}" was stopped by the user` });
        outcome = { result: 'canceled', errorMessage: 'canceled by the user' };
      } else {
        this.catalog.activity.appendError(error, { runId: child.id, scenarioName: scenario.name });
        outcome = { result: 'failed', errorCode: codeOf(error) ?? 'E1099', errorMessage: describeError(error) };
      }
    }
    this.catalog.jobs.runs.finish(child.id, outcome);
    return outcome;
  }
}

interface Holder {
  /** As AE0470 names it: `backup job 7 "Nightly"`. */
  readonly label: string;
  readonly job: QueueJob;
  readonly since: Date;
  /** Backup children only: aborting it takes the scenario from the job (E3387). */
  readonly takeControl?: AbortController;
}

function sum(outcomes: readonly RunOutcome[], key: 'files' | 'directories' | 'bytes'): number {
  return outcomes.reduce((total, outcome) => total + (outcome[key] ?? 0), 0);
}
