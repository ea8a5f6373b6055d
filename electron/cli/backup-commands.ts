import fs from 'node:fs';
import type { ChannelResponse } from '../api/contract';
import { detailsOf } from '../../engine/backup/catalog/activity-log';
import { CommandError, findScenario, table, unwrap, type CommandOptions } from './commands';
import type { ContractClient } from './contract-client';

type Job = ChannelResponse<'backup.jobs'>[number];

function stateOf(job: Job): string {
  const last = job.lastRun?.result ? ` (last run ${job.lastRun.result})` : '';
  return `${job.state.status}${last}`;
}

/** Polls the job queue until the job's latest run has finished. */
async function waitForRun(client: ContractClient, jobId: number, timeoutMs: number): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = unwrap(await client.invoke('backup.jobs', {})).find((candidate) => candidate.id === jobId);
    if (!job) throw new Error(`job ${jobId} left the queue`);
    if (job.state.status !== 'Active' && job.lastRun?.finishedAt) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} is still ${job.state.status} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Backups from the command line: back a scenario up now (optionally waiting for the result), list the job queue. */
export async function runBackupCommand(client: ContractClient, command: string, args: string[], options: CommandOptions): Promise<string | undefined> {
  const print = (value: unknown, text: () => string): string => (options.json ? JSON.stringify(value, null, 2) : text());
  switch (command) {
    case 'backup': {
      const name = args[0];
      if (name === undefined) throw new Error('backup needs a scenario name or ID');
      const scenario = await findScenario(client, name);
      const password = options.passwordFile === undefined ? undefined : fs.readFileSync(options.passwordFile, 'utf8').trim();
      const job = unwrap(await client.invoke('backup.now', { id: scenario.id, ...(password ? { password } : {}) }));
      if (!options.wait) return print(job, () => `Backup job ${job.id} "${job.name}" submitted.`);
      const done = await waitForRun(client, job.id, 30 * 60_000);
      if (done.lastRun?.result !== 'succeeded') {
        const entries = unwrap(await client.invoke('backup.activity-entries', { runId: done.lastRun?.id ?? 0 }));
        const failure = entries.map(detailsOf).find((info) => info !== undefined);
        throw new CommandError(
          failure ?? { code: 'E1099', module: 'Backup task', message: `backup job ${job.id} ended ${done.lastRun?.result ?? 'without a result'}`, reason: 'No error was recorded.', action: 'See the Activity Log.' },
        );
      }
      return print(done, () => `Backup job ${job.id} "${job.name}" succeeded.`);
    }
    case 'jobs': {
      const jobs = unwrap(await client.invoke('backup.jobs', {}));
      return print(jobs, () => table([['ID', 'NAME', 'SCENARIOS', 'STATUS'], ...jobs.map((job) => [String(job.id), job.name, job.scenarios.map((scenario) => scenario.name).join(', '), stateOf(job)])]));
    }
    case 'apply-restore':
    case 'send-to-master': {
      const jobId = Number(args[0]);
      if (!Number.isInteger(jobId)) throw new Error(`${command} needs a restore job number (see: understudy jobs)`);
      if (command === 'apply-restore') {
        const applied = unwrap(await client.invoke('restore.apply-pending', { jobId }));
        return print(applied, () => `Restore job ${jobId}: ${applied.files} file(s) swapped in; the restore is complete.`);
      }
      const sent = unwrap(await client.invoke('restore.send-to-master', { jobId }));
      return print(sent, () => `Restore job ${jobId}: ${sent.files} files and ${sent.directories} folders (${sent.bytes} bytes) sent from the Replica to the Master.`);
    }
    default:
      return undefined;
  }
}
