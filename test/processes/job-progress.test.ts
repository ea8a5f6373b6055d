import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { ok, useConsoleHosts } from './helpers/console-hosts';
import { replicatingScenario, T0 } from './helpers/restore-client';

const { connect } = useConsoleHosts();

describe('progress of a running job', () => {
  it('an Active backup reports the bytes it expects and how many it has written, then leaves the list when done', async () => {
    const { client } = await connect(tempDir());
    const files: Record<string, readonly [Uint8Array, number]> = {};
    for (let i = 0; i < 40; i += 1) files[`data/f${i}.bin`] = [randomBytes(4 * 1024 * 1024), T0 + i];
    const { scenario } = await replicatingScenario(client, 'Progress', files);
    const job = await ok(client.invoke('backup.now', { id: scenario.id, compression: 'gzip' }));

    const seen: { bytesDone: number; bytesTotal: number | null; etaSeconds: number | null }[] = [];
    for (const deadline = Date.now() + 90_000; Date.now() < deadline; ) {
      const running = (await ok(client.invoke('backup.progress', {}))).find((progress) => progress.jobId === job.id);
      if (running) seen.push(running);
      const queued = (await ok(client.invoke('backup.jobs', {}))).find((candidate) => candidate.id === job.id);
      if (queued?.state.status === 'Done') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await ok(client.invoke('backup.jobs', {}))).find((candidate) => candidate.id === job.id)?.lastRun?.result).toBe('succeeded');
    const total = 40 * 4 * 1024 * 1024;
    const midway = seen.filter((progress) => progress.bytesDone > 0 && progress.bytesDone < total);
    expect(midway.length, `progress seen while it ran: ${JSON.stringify(seen.slice(0, 5))}`).toBeGreaterThan(0);
    expect(midway.every((progress) => progress.bytesTotal === total && progress.etaSeconds !== null)).toBe(true);
    const done = seen.map((progress) => progress.bytesDone);
    expect(done, 'never goes backwards').toEqual([...done].sort((a, b) => a - b));
    expect((await ok(client.invoke('backup.progress', {}))).find((progress) => progress.jobId === job.id)).toBeUndefined();
  });
});
