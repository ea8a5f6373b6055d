import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { ok, useConsoleHosts } from './helpers/console-hosts';
import { pollUntil } from './helpers/protection-client';
import { T0, jobEnd, replicatingScenario, told } from './helpers/restore-client';

const { connect } = useConsoleHosts();

describe('control of a scenario during a backup job, and the job options that shape a run', () => {
  it('shows the scenario locked while a backup job holds it; taking control fails that job with E3387 saying who took it', async () => {
    const { client } = await connect(tempDir());
    // The Assured Recovery test before the snapshot would keep the job on the scenario for half a minute.
    const { scenario } = await replicatingScenario(client, 'Claims', { 'claims/open.csv': ['1,2,3', T0 + 1] }, { arEnabled: true, arVerifyCommand: 'sleep 30' });
    expect(await ok(client.invoke('scenario.lock', { id: scenario.id }))).toEqual({ locked: false });
    const notHeld = await client.invoke('scenario.take-control', { id: scenario.id });
    expect(notHeld.ok ? 'taken' : notHeld.error.code).toBe('E3376');

    const job = await ok(client.invoke('backup.now', { id: scenario.id }));
    const lock = await pollUntil('the scenario locked', () => ok(client.invoke('scenario.lock', { id: scenario.id })), (state) => state.locked, 30_000);
    expect(lock).toMatchObject({ locked: true, jobId: job.id, jobName: job.name });
    expect(lock.locked && Date.parse(lock.since)).toBeGreaterThan(Date.now() - 60_000);

    await ok(client.invoke('scenario.take-control', { id: scenario.id }));
    const takenAt = Date.now();
    const end = await jobEnd(client, job.id, 60_000);
    expect(Date.now() - takenAt, 'the Assured Recovery test under way is stopped, not waited for').toBeLessThan(15_000);
    expect(end.result, told(end)).toBe('failed');
    const taken = end.entries.find((entry) => entry.code === 'E3387');
    expect(taken?.message, told(end)).toMatch(/took control of the scenario while job \d+ ".*" was backing it up/);
    expect(await ok(client.invoke('scenario.lock', { id: scenario.id }))).toEqual({ locked: false });
    const [protection] = await pollUntil('the test rolled back', () => ok(client.invoke('protection.status', { id: scenario.id })), (list) => list[0]?.ar?.state === 'idle', 30_000);
    expect(protection?.ar?.lastReport?.stopped, 'the test was stopped').toBe(true);
    expect((await ok(client.invoke('backup.sessions', { scenarioId: scenario.id }))).filter((session) => session.state === 'complete'), 'no session was kept').toEqual([]);

    const failedRuns = await ok(client.invoke('reports.runs', { result: 'failed' }));
    expect(failedRuns.map((row) => [row.jobId, row.scenarios, row.errorCode])).toEqual([[job.id, 'Claims', 'E3387']]);
    expect(await ok(client.invoke('reports.runs', { result: 'succeeded' }))).toEqual([]);
  });

  it('runs the scenarios one after another without multistreaming, and reads each session back with verification on', async () => {
    const { client } = await connect(tempDir());
    const first = await replicatingScenario(client, 'North', { 'n/a.txt': ['north a', T0 + 1], 'n/b.txt': ['north b', T0 + 2] });
    const second = await replicatingScenario(client, 'South', { 's/a.txt': ['south a', T0 + 3] });
    const group = (await ok(client.invoke('backup.devices', {})))[0];
    if (!group) throw new Error('no device group');
    const job = await ok(
      client.invoke('backup.submit', {
        draft: {
          name: 'Both, in turn',
          scenarioIds: [first.scenario.id, second.scenario.id],
          deviceGroupId: group.id,
          options: { multistreaming: false, verification: 'checksum' },
          schedule: { kind: 'once', at: new Date().toISOString() },
          owner: 'test',
        },
      }),
    );
    expect(job.options).toMatchObject({ multistreaming: false, verification: 'checksum' });
    const end = await jobEnd(client, job.id, 90_000);
    expect(end.result, told(end)).toBe('succeeded');
    expect(end.entries.filter((entry) => /^Session \d+ verified on the device: \d+ files/.test(entry.message)).map((entry) => entry.scenarioName)).toEqual(['North', 'South']);

    const group0 = (await ok(client.invoke('backup.activity', { limit: 10, offset: 0 }))).find((entry) => entry.jobId === job.id) as { children?: { scenarioName: string | null; startedAt: string; finishedAt: string | null }[] } | undefined;
    const [north, south] = group0?.children ?? [];
    expect([north?.scenarioName, south?.scenarioName]).toEqual(['North', 'South']);
    expect(Date.parse(south?.startedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(north?.finishedAt ?? 'x'));

    const [row] = await ok(client.invoke('reports.runs', { kind: 'backup' }));
    expect(row).toMatchObject({ jobId: job.id, scenarios: 'North, South', result: 'succeeded', files: 3 });
    expect(row?.bytes).toBe('north a'.length + 'north b'.length + 'south a'.length);
    expect(await ok(client.invoke('reports.runs', { kind: 'restore' }))).toEqual([]);
  });
});
