/**
 * The scenario's target RPO: one warning when the replication lag goes past it, one
 * information event when it is back under — not a message every second.
 */
export class RpoWatch {
  private timer: NodeJS.Timeout | undefined;
  private exceeded = false;

  constructor(
    private readonly targetSeconds: number,
    private readonly report: (severity: 'info' | 'warning', text: string) => void,
  ) {}

  start(currentLagMs: () => number, everyMs = 1000): void {
    if (this.targetSeconds <= 0) return;
    this.timer = setInterval(() => this.observe(currentLagMs()), everyMs);
    this.timer.unref();
  }

  observe(lagMs: number): void {
    if (this.targetSeconds <= 0) return;
    const over = lagMs > this.targetSeconds * 1000;
    if (over === this.exceeded) return;
    this.exceeded = over;
    if (over) this.report('warning', `Replication lag ${(lagMs / 1000).toFixed(1)} s exceeds the target RPO of ${this.targetSeconds} s`);
    else this.report('info', `Replication lag is back within the target RPO of ${this.targetSeconds} s`);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
