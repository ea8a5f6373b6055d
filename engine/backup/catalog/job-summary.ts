import type { RunResult } from './job-model';

/**
 * The summary block that ends each job in the Activity Log (SPEC.md, Job Status Manager):
 * start and end, job type, node (scenario), volume (entity) and session counts with their
 * failures, total files and directories, media, device group, errors and warnings, average
 * throughput and elapsed time. Pure: job-summary-source.ts gathers the input.
 */
export interface JobSummaryInput {
  jobId: number;
  jobName: string;
  /** Backup: sessions written; Restore: sessions read. */
  jobType: 'Backup' | 'Restore';
  /** What a restore wrote (its sessions' sizes say what it read, not what it restored). */
  totals?: { files: number; directories: number; bytes: number };
  run: { id: number; startedAt: string; finishedAt: string | null; result: RunResult | null };
  /** Used as the end while the run has none (a summary of a run still going). */
  now: Date;
  /** One per scenario the job selected: how its part of the run ended, or missed (never reached). */
  nodes: { name: string; result: RunResult | 'missed' }[];
  /** One per entity expected or written: complete (a complete session), incomplete (only failed ones), missed (none). */
  volumes: { scenarioName: string; entity: string; state: 'complete' | 'incomplete' | 'missed' }[];
  sessions: { number: number; state: 'writing' | 'complete' | 'failed'; files: number; directories: number; bytes: number }[];
  media: { name: string; id: string; pool: string | null }[];
  deviceGroup: string | null;
  errors: number;
  warnings: number;
}

export interface JobSummaryFigures {
  nodes: { total: number; failed: number; canceled: number; missed: number };
  volumes: { total: number; complete: number; incomplete: number; missed: number };
  sessions: { total: number; complete: number; incomplete: number };
  files: number;
  directories: number;
  bytes: number;
  elapsedMs: number;
  /** MB (2^20 bytes) per minute, as backup products state it; null when no time elapsed. */
  throughputMbPerMinute: number | null;
  errors: number;
  warnings: number;
}

export interface JobSummary {
  figures: JobSummaryFigures;
  lines: string[];
}

export function buildJobSummary(input: JobSummaryInput): JobSummary {
  const started = new Date(input.run.startedAt);
  const ended = input.run.finishedAt ? new Date(input.run.finishedAt) : input.now;
  const elapsedMs = Math.max(0, ended.getTime() - started.getTime());
  const complete = input.sessions.filter((session) => session.state === 'complete');
  const bytes = input.totals?.bytes ?? complete.reduce((sum, session) => sum + session.bytes, 0);
  const figures: JobSummaryFigures = {
    nodes: {
      total: input.nodes.length,
      failed: count(input.nodes, (node) => node.result === 'failed' || node.result === 'incomplete'),
      canceled: count(input.nodes, (node) => node.result === 'canceled'),
      missed: count(input.nodes, (node) => node.result === 'missed'),
    },
    volumes: {
      total: input.volumes.length,
      complete: count(input.volumes, (volume) => volume.state === 'complete'),
      incomplete: count(input.volumes, (volume) => volume.state === 'incomplete'),
      missed: count(input.volumes, (volume) => volume.state === 'missed'),
    },
    sessions: { total: input.sessions.length, complete: complete.length, incomplete: input.sessions.length - complete.length },
    files: input.totals?.files ?? complete.reduce((sum, session) => sum + session.files, 0),
    directories: input.totals?.directories ?? complete.reduce((sum, session) => sum + session.directories, 0),
    bytes,
    elapsedMs,
    throughputMbPerMinute: elapsedMs > 0 ? bytes / 2 ** 20 / (elapsedMs / 60_000) : null,
    errors: input.errors,
    warnings: input.warnings,
  };
  const { nodes, volumes, sessions } = figures;
  const lines = [
    `Job ${input.jobId} "${input.jobName}" summary (run ${input.run.id}): ${input.run.result ?? 'running'}`,
    `Start time: ${localTimestamp(started)}   End time: ${input.run.finishedAt ? localTimestamp(ended) : '—'}`,
    `Job type: ${input.jobType}`,
    `Nodes: ${nodes.total} (${nodes.failed} failed, ${nodes.canceled} canceled), ${nodes.missed} missed`,
    `Volumes/databases: ${volumes.total} (${volumes.complete} complete, ${volumes.incomplete} incomplete), ${volumes.missed} missed`,
    `Sessions: ${sessions.total} (${sessions.complete} complete, ${sessions.incomplete} incomplete)`,
    `Total files: ${number(figures.files)}   Total directories: ${number(figures.directories)}   Data: ${megabytes(bytes)}`,
    ...(input.media.length === 0
      ? ['Media: none']
      : input.media.map((media) => `Media: ${media.name} (ID ${media.id}${media.pool ? `, pool ${media.pool}` : ''})`)),
    `Device group: ${input.deviceGroup ?? '—'}`,
    `Errors: ${figures.errors}   Warnings: ${figures.warnings}`,
    `Average throughput: ${figures.throughputMbPerMinute === null ? '—' : `${figures.throughputMbPerMinute.toFixed(2)} MB/min`}`,
    `Elapsed time: ${elapsed(elapsedMs)}`,
  ];
  return { figures, lines };
}

function count<T>(items: readonly T[], test: (item: T) => boolean): number {
  return items.filter(test).length;
}

function number(value: number): string {
  return value.toLocaleString('en-US');
}

function megabytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(2)} MB`;
}

/** "1h 02m 05s". */
export function elapsed(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${Math.floor(seconds / 3600)}h ${pad(Math.floor(seconds / 60) % 60)}m ${pad(seconds % 60)}s`;
}

/** "2026-11-26 22:05:10" in local time. */
function localTimestamp(instant: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())} ${pad(instant.getHours())}:${pad(instant.getMinutes())}:${pad(instant.getSeconds())}`;
}
