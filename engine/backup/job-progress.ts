import { z } from 'zod';

/** How far a running job is (Job Status Manager → Job Queue, the progress bar of an Active job). Pure schema. */
export const JobProgressSchema = z.object({
  jobId: z.number().int(),
  startedAt: z.string(),
  bytesDone: z.number().min(0),
  /** Null until the job knows how much it will move (a backup once it has walked its snapshot). */
  bytesTotal: z.number().min(0).nullable(),
  filesDone: z.number().int().min(0),
  bytesPerSecond: z.number().min(0),
  /** Null when no total is known or nothing has moved yet. */
  etaSeconds: z.number().min(0).nullable(),
});
export type JobProgress = z.infer<typeof JobProgressSchema>;

/** Throughput and time left from what moved so far, at the average rate since the start. Pure. */
export function estimate(bytesDone: number, bytesTotal: number | null, elapsedMs: number): { bytesPerSecond: number; etaSeconds: number | null } {
  const bytesPerSecond = elapsedMs > 0 ? (bytesDone * 1000) / elapsedMs : 0;
  if (bytesTotal === null || bytesPerSecond === 0) return { bytesPerSecond, etaSeconds: null };
  return { bytesPerSecond, etaSeconds: Math.max(0, bytesTotal - bytesDone) / bytesPerSecond };
}

/** What a running backup or restore reports as it goes: the bytes it expects, then each file it moved. */
export interface ProgressSink {
  expect(bytes: number): void;
  moved(bytes: number): void;
}

export class JobProgressCounter implements ProgressSink {
  private bytesDone = 0;
  private bytesTotal: number | null = null;
  private filesDone = 0;

  constructor(
    private readonly jobId: number,
    private readonly startedAt: Date,
  ) {}

  expect(bytes: number): void {
    this.bytesTotal = (this.bytesTotal ?? 0) + bytes;
  }

  moved(bytes: number): void {
    this.bytesDone += bytes;
    this.filesDone += 1;
  }

  view(now: Date): JobProgress {
    return {
      jobId: this.jobId,
      startedAt: this.startedAt.toISOString(),
      bytesDone: this.bytesDone,
      bytesTotal: this.bytesTotal,
      filesDone: this.filesDone,
      ...estimate(this.bytesDone, this.bytesTotal, now.getTime() - this.startedAt.getTime()),
    };
  }
}
