import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { EventLog } from '../../events/event-log';
import { UserError } from '../../messages/user-error';
import { captureBaseline, readManifest } from '../../replica/assured-recovery/baseline';
import { rollBack } from '../../replica/assured-recovery/rollback';
import { runTestCommand } from '../../replica/assured-recovery/test-commands';
import { ArReportSchema, type ArReport, type ArStatus } from '../../replica/protection-model';
import { writeFileAtomic } from '../../util/atomic-file';
import type { ReplicaSession } from './replica-session';

const TestStateSchema = z.object({
  phase: z.enum(['preparing', 'testing', 'rolling-back']),
  startedAt: z.number(),
  trigger: z.enum(['user', 'schedule', 'backup']),
});
type TestState = z.infer<typeof TestStateSchema>;
type Trigger = TestState['trigger'];
type Step = ArReport['steps'][number];

/**
 * One Assured Recovery test of a Replica: applying is held (records wait in the inbox), a
 * baseline is taken, the administrator's start/verify/stop commands run against the Replica
 * data and may change it, then the Replica is rolled back to the baseline through the rewind
 * journal and applying resumes. The phase is kept on disk, so an engine killed mid-test
 * finishes the rollback when it starts again. The Master never notices.
 */
/** Takes the snapshot a backup reads, of the Replica as the verified application left it. */
export type BackupSnapshotTaker = () => Promise<string>;

export class AssuredRecoveryRun {
  private status: ArStatus;
  private stopping: AbortController | undefined;
  private backupSnapshot: string | null = null;
  /** Set by the Replica's protection, which owns snapshots. */
  takeBackupSnapshot: BackupSnapshotTaker | undefined;

  constructor(
    private readonly session: ReplicaSession,
    private readonly events: EventLog,
    lastReport: ArReport | null,
  ) {
    this.status = { state: 'idle', since: null, step: null, lastReport };
  }

  static async open(session: ReplicaSession, events: EventLog): Promise<AssuredRecoveryRun> {
    const last = await fs.readFile(path.join(session.dir, 'reports', 'ar-last.json'), 'utf8').catch(() => undefined);
    return new AssuredRecoveryRun(session, events, last === undefined ? null : ArReportSchema.parse(JSON.parse(last)));
  }

  get current(): ArStatus {
    return this.status;
  }

  get active(): boolean {
    return this.status.state !== 'idle';
  }

  private get dir(): string {
    return path.join(this.session.dir, 'assured-recovery');
  }

  get baselineDir(): string {
    return path.join(this.dir, 'baseline');
  }

  /**
   * A test interrupted by a crash: applying is held at once (before the session starts), and
   * the returned continuation finishes the rollback; undefined when no test was running.
   */
  async recover(): Promise<(() => Promise<void>) | undefined> {
    const saved = await fs.readFile(path.join(this.dir, 'test.json'), 'utf8').catch(() => undefined);
    if (saved === undefined) return undefined;
    const state = TestStateSchema.parse(JSON.parse(saved));
    const release = await this.session.hold();
    const unmute = this.session.outsideWrites.mute();
    this.setStatus('rolling-back', 'recovery after restart', state.startedAt);
    this.note('warning', `Assured Recovery test of "${this.name}" was interrupted; rolling the Replica back`);
    return () => this.finish(state, [], release, unmute);
  }

  /** Starts a test and returns at once; the run continues in the background. */
  async start(trigger: Trigger): Promise<ArStatus> {
    const settings = this.session.current.protection;
    if (!settings.arEnabled || [settings.arStartCommand, settings.arVerifyCommand, settings.arStopCommand].every((command) => command.trim() === '')) {
      throw new UserError('E1506', `scenario "${this.name}"`);
    }
    if (!this.session.current.synced) throw new UserError('E1505', `the Replica of "${this.name}" is not synchronized`);
    const startedAt = Date.now();
    this.setStatus('preparing', 'baseline', startedAt);
    this.stopping = new AbortController();
    const release = await this.session.hold();
    const unmute = this.session.outsideWrites.mute();
    void this.run({ phase: 'preparing', startedAt, trigger }, release, unmute).catch((error: unknown) => {
      this.note('error', `Assured Recovery test of "${this.name}" could not complete: ${error instanceof Error ? error.message : String(error)}`);
      this.setIdle();
    });
    return this.status;
  }

  /** Stops the running test: its command is killed, the others skipped except the stop command, and the rollback runs as usual. */
  stop(): ArStatus {
    if (!this.stopping || this.status.state === 'idle') throw new UserError('E1511', `the Replica of "${this.name}"`);
    if (!this.stopping.signal.aborted) {
      this.note('warning', `Assured Recovery test of "${this.name}" stopped by the user; rolling the Replica back`);
      this.stopping.abort();
    }
    return this.status;
  }

  private get name(): string {
    return this.session.current.scenarioName;
  }

  private async run(state: TestState, release: () => void, unmute: () => void): Promise<void> {
    this.note('info', `Assured Recovery test of "${this.name}" started (${state.trigger}); changes are spooled on the Replica`);
    await this.persist(state);
    const journal = this.session.journal;
    await this.session.applier.exclusive(async () => {
      if (journal.openTestWindowStart() === undefined) journal.openTestWindow();
    });
    const targets = await this.realTargets();
    await captureBaseline(targets, this.baselineDir);
    await this.persist({ ...state, phase: 'testing' });
    const steps: Step[] = [];
    const settings = this.session.current.protection;
    const env = {
      UNDERSTUDY_SCENARIO: this.name,
      UNDERSTUDY_REPLICA_ROOT: targets[0] ?? '',
      UNDERSTUDY_REPLICA_ROOTS: targets.join(path.delimiter),
      UNDERSTUDY_MASTER_ROOTS: this.session.current.roots.join(path.delimiter),
    };
    let failed = false;
    for (const [name, command] of [
      ['start', settings.arStartCommand],
      ['verify', settings.arVerifyCommand],
      ['stop', settings.arStopCommand],
    ] as const) {
      const stopped = this.stopping?.signal.aborted === true;
      // After a failure or a stop the application is still stopped (the stop command always runs).
      if (command.trim() === '' || ((failed || stopped) && name !== 'stop')) continue;
      this.setStatus('testing', name, state.startedAt);
      const outcome = await runTestCommand(command, env, settings.arTimeoutSeconds * 1000, stopped ? undefined : this.stopping?.signal);
      steps.push({ name, command, ...outcome });
      if (outcome.exitCode !== 0) failed = true;
    }
    await this.snapshotForBackup(state, failed);
    await this.finish({ ...state, phase: 'rolling-back' }, steps, release, unmute);
  }

  /**
   * A backup's test: once the application was verified and stopped cleanly, the snapshot is
   * taken, before the rollback (which goes through the journal, so the snapshot keeps this state).
   * Nothing writes to the Replica outside the journal after this point.
   */
  private async snapshotForBackup(state: TestState, failed: boolean): Promise<void> {
    if (state.trigger !== 'backup' || failed || this.stopping?.signal.aborted || !this.takeBackupSnapshot) return;
    this.backupSnapshot = await this.takeBackupSnapshot();
  }

  private async finish(state: TestState, steps: Step[], release: () => void, unmute: () => void): Promise<void> {
    try {
      await this.persist({ ...state, phase: 'rolling-back' });
      this.setStatus('rolling-back', 'rollback', state.startedAt);
      const manifest = await readManifest(this.baselineDir);
      const journal = this.session.journal;
      const rolledBack = await this.session.applier.exclusive(async () => {
        const counts = manifest ? await rollBack(await this.realTargets(), this.baselineDir, manifest, journal) : { restored: 0, removed: 0 };
        const start = journal.openTestWindowStart();
        if (start !== undefined) journal.closeTestWindow(start);
        journal.checkpoint();
        return counts;
      });
      await fs.rm(this.dir, { recursive: true, force: true });
      const stopped = this.stopping?.signal.aborted === true;
      const failed = stopped || steps.some((step) => step.exitCode !== 0) || manifest === undefined || steps.length === 0;
      const report: ArReport = {
        startedAt: state.startedAt,
        finishedAt: Date.now(),
        result: failed ? 'failed' : 'passed',
        trigger: state.trigger,
        stopped,
        snapshotId: this.backupSnapshot,
        steps,
        rolledBack,
        spooled: this.session.pending(),
      };
      await this.saveReport(report);
      this.status = { state: 'idle', since: null, step: null, lastReport: report };
      const summary = `${rolledBack.restored} restored, ${rolledBack.removed} removed; ${report.spooled} spooled change(s) now applied`;
      if (failed) {
        const detail = stopped
          ? 'stopped by the user'
          : steps.map((step) => `${step.name} exit ${step.exitCode ?? 'none'}${step.timedOut ? ' (timed out)' : ''}`).join(', ') || 'interrupted';
        this.note('error', `Assured Recovery test of "${this.name}" failed (${detail}); Replica rolled back: ${summary}`, 'E1507');
      } else {
        this.note('info', `Assured Recovery test of "${this.name}" passed in ${report.finishedAt - report.startedAt} ms; Replica rolled back: ${summary}`);
      }
    } finally {
      this.stopping = undefined;
      this.backupSnapshot = null;
      unmute();
      release();
      if (this.status.state !== 'idle') this.setIdle();
    }
  }

  private async realTargets(): Promise<string[]> {
    return Promise.all(this.session.targets.map((_, index) => this.session.applier.targetOf(index)));
  }

  private async persist(state: TestState): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(path.join(this.dir, 'test.json'), JSON.stringify(state), 0o600);
  }

  private async saveReport(report: ArReport): Promise<void> {
    const reports = path.join(this.session.dir, 'reports');
    await fs.mkdir(reports, { recursive: true, mode: 0o700 });
    const text = JSON.stringify(report);
    await writeFileAtomic(path.join(reports, `ar-${new Date(report.startedAt).toISOString().replace(/[:.]/g, '-')}.json`), text, 0o600);
    await writeFileAtomic(path.join(reports, 'ar-last.json'), text, 0o600);
  }

  private setStatus(state: ArStatus['state'], step: string, since: number): void {
    this.status = { ...this.status, state, step, since };
  }

  private setIdle(): void {
    this.status = { ...this.status, state: 'idle', step: null, since: null };
  }

  private note(severity: 'info' | 'warning' | 'error', text: string, code?: 'E1507'): void {
    this.events.record({ severity, scenarioId: this.session.current.scenarioId, text, ...(code ? { code } : {}) });
  }
}
