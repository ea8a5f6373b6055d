import path from 'node:path';
import { FolderWatcher } from '../../capture/folder-watcher';
import { isTempFileName } from '../../replica/temp-files';
import type { ChangeRecord } from '../change-record';

const EXPECT_MS = 3000;
const REPORT_EVERY_MS = 5000;

/**
 * Notices writes to a Replica's data that did not come from replication. The applier
 * announces each path it is about to touch; a file-system event on any other path is
 * reported (one warning per few seconds, with a count and an example, never a flood).
 */
export class OutsideWriteWatch {
  private readonly watchers: FolderWatcher[] = [];
  private stopped = false;
  /** Absolute paths replication is writing (and the folders it may create for them), until when. */
  private readonly expected = new Map<string, number>();
  /** Whole trees replication is moving or removing, until when. */
  private readonly expectedTrees = new Map<string, number>();
  private pending: { count: number; example: string } | undefined;
  private muted = 0;
  private mutedUntil = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly targets: readonly string[],
    private readonly report: (count: number, example: string) => void,
  ) {}

  /** Resolves once every target folder is watched. */
  async start(): Promise<void> {
    for (const target of this.targets) {
      const watcher = await FolderWatcher.start({
        root: target,
        ignore: isTempFileName,
        onEvent: (event) => this.observe(path.join(target, ...event.relPath.split('/'))),
        onError: () => undefined,
      });
      if (this.stopped) await watcher.close();
      else this.watchers.push(watcher);
    }
  }

  /** Replication is about to apply `record`: its paths (and their folders) are not outside writes. */
  expect(record: ChangeRecord): void {
    const target = this.targets[record.root];
    if (target === undefined) return;
    const paths = record.op === 'rename' ? [record.from, record.to] : [record.path];
    for (const relative of paths) this.expectPath(target, relative);
    if (record.op === 'rename' || record.op === 'remove') {
      for (const relative of paths) this.expectedTrees.set(path.join(target, ...relative.split('/')), Date.now() + EXPECT_MS);
    }
  }

  expectPath(target: string, relative: string): void {
    this.prune(Date.now());
    const until = Date.now() + EXPECT_MS;
    const root = this.targets.find((candidate) => target === candidate || target.startsWith(`${candidate}${path.sep}`)) ?? target;
    for (let current = path.join(target, ...relative.split('/')); current.length > root.length; current = path.dirname(current)) {
      this.expected.set(current, until);
    }
  }

  /**
   * Nothing is reported until the returned function is called (and the events still in
   * flight have arrived): a rewind or an Assured Recovery test changes the Replica on purpose.
   */
  mute(): () => void {
    this.muted += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.muted -= 1;
      this.mutedUntil = Date.now() + EXPECT_MS;
    };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await Promise.all(this.watchers.map((watcher) => watcher.close()));
  }

  private observe(changed: string): void {
    const now = Date.now();
    if (this.muted > 0 || now < this.mutedUntil) return;
    if ((this.expected.get(changed) ?? 0) >= now) return;
    for (let current = changed; !this.targets.includes(current) && path.dirname(current) !== current; current = path.dirname(current)) {
      if ((this.expectedTrees.get(current) ?? 0) >= now) return;
    }
    if (this.timer) {
      this.pending = { count: (this.pending?.count ?? 0) + 1, example: this.pending?.example ?? changed };
      return;
    }
    this.report(1, changed);
    this.timer = setTimeout(() => this.flush(), REPORT_EVERY_MS).unref();
  }

  /** End of a quiet window: what accumulated is reported at once, and a new window starts only if there was any. */
  private flush(): void {
    this.timer = undefined;
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) return;
    this.report(pending.count, pending.example);
    this.timer = setTimeout(() => this.flush(), REPORT_EVERY_MS).unref();
  }

  private prune(now: number): void {
    for (const map of [this.expected, this.expectedTrees]) {
      if (map.size < 10_000) continue;
      for (const [key, until] of map) if (until < now) map.delete(key);
    }
  }
}
