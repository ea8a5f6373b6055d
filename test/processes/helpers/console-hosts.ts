import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach } from 'vitest';
import { ContractClient } from '../../../electron/cli/contract-client';
import { readConsoleFile } from '../../../electron/console/console-file';
import { startConsoleProcess, type ConsoleProcess } from '../../e2e/helpers/console-process';
import { removeTempDirs } from '../../helpers/temp-dir';
import { projectRoot } from './engine-process';

const cli = path.join(projectRoot, 'dist/electron/cli.js');

/** Runs the built `understudy` CLI against the console host of `dataDir`. */
export function understudy(dataDir: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, '--data-dir', dataDir, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A contract reply's value, or an error naming its code. */
export async function ok<T>(reply: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const result = await reply;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/**
 * Console host processes for one test file: `connect(dataDir)` starts one and opens a contract
 * client to it; after each test the hosts still running are stopped and temp folders removed
 * (`forget(host)` for one the test killed itself).
 */
export function useConsoleHosts(): {
  connect(dataDir: string): Promise<{ host: ConsoleProcess; client: ContractClient }>;
  forget(host: ConsoleProcess): void;
} {
  const hosts: ConsoleProcess[] = [];
  afterEach(async () => {
    for (const host of hosts.splice(0)) await host.stop();
    removeTempDirs();
  });
  return {
    async connect(dataDir) {
      const host = await startConsoleProcess(dataDir);
      hosts.push(host);
      const file = readConsoleFile(dataDir);
      return { host, client: await ContractClient.connect(file?.port ?? 0, file?.token ?? '') };
    },
    forget(host) {
      hosts.splice(hosts.indexOf(host), 1);
    },
  };
}
