import fs from 'node:fs';
import { z } from 'zod';
import type { ErrorInfo, LiveScenario, Result, Scenario } from '../api/contract';
import type { ContractClient } from './contract-client';
import { runBackupCommand } from './backup-commands';
import { runSourceCommand } from './source-commands';
import { runProtectionCommand } from './protection-commands';

export class CommandError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new CommandError(result.error);
  return result.value;
}

function stateOf(scenario: Scenario, live: LiveScenario | undefined): string {
  if (scenario.status.state === 'stopped') return { created: 'Stopped (new)', user: 'Stopped by user', autostop: 'Stopped on autostop' }[scenario.status.reason];
  if (!live || live.state === 'stopped') return 'Running';
  return { running: 'Running', problem: 'Problem', 'not-authorized': 'Not Authorized' }[live.state];
}

export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()).join('\n');
}

export async function findScenario(client: ContractClient, nameOrId: string): Promise<Scenario> {
  const scenarios = unwrap(await client.invoke('scenario.list', {}));
  const found = scenarios.find((scenario) => scenario.id === nameOrId || scenario.name.toLowerCase() === nameOrId.toLowerCase());
  if (!found) {
    throw new CommandError({ code: 'E1002', module: 'Scenario manager', message: `Scenario not found: ${nameOrId}`, reason: 'No scenario has that name or ID.', action: 'Run `understudy list` to see the scenarios.' });
  }
  return found;
}

export function replicaOf(scenario: Scenario, host: string | undefined): string {
  const replica = host === undefined ? scenario.replicas[0] : scenario.replicas.find((candidate) => candidate.host.toLowerCase() === host.toLowerCase() || candidate.id === host);
  if (!replica) {
    throw new CommandError({ code: 'E1002', module: 'Scenario manager', message: `No Replica ${host ?? ''} in "${scenario.name}"`, reason: 'The --replica value matches no Replica host of the scenario.', action: 'Use one of the Replica host names shown by `understudy status`.' });
  }
  return replica.id;
}

const CredentialsFileSchema = z.array(z.object({ host: z.string(), user: z.string(), password: z.string() }));

/** The --credentials-file's entries, or none. */
export function credentialsFrom(options: CommandOptions): z.infer<typeof CredentialsFileSchema> {
  return options.credentialsFile ? CredentialsFileSchema.parse(JSON.parse(fs.readFileSync(options.credentialsFile, 'utf8'))) : [];
}

export interface CommandOptions {
  json: boolean;
  replica?: string;
  credentialsFile?: string;
  /** Data protection commands (protection-commands.ts). */
  to?: string;
  bookmark?: string;
  file?: string;
  under?: string;
  limit?: number;
  /** backup: read the session password from this file; wait for the job's result. */
  passwordFile?: string;
  wait?: boolean;
}

/** One CLI command against the console host's contract; returns what to print. */
export async function runCommand(client: ContractClient, command: string, args: string[], options: CommandOptions): Promise<string> {
  const print = (value: unknown, text: () => string): string => (options.json ? JSON.stringify(value, null, 2) : text());
  const scenarioArgument = (): string => {
    const value = args[0];
    if (value === undefined) throw new Error(`${command} needs a scenario name or ID`);
    return value;
  };
  switch (command) {
    case 'list': {
      const scenarios = unwrap(await client.invoke('scenario.list', {}));
      const lives = await Promise.all(scenarios.map(async (scenario) => unwrap(await client.invoke('scenario.live', { id: scenario.id }))));
      return print(
        scenarios.map((scenario, index) => ({ ...scenario, live: lives[index] })),
        () => table([['NAME', 'TYPE', 'STATE', 'MASTER', 'REPLICAS'], ...scenarios.map((scenario, index) => [scenario.name, scenario.type, stateOf(scenario, lives[index]), scenario.master.host, scenario.replicas.map((replica) => replica.host).join(', ')])]),
      );
    }
    case 'status': {
      const scenario = await findScenario(client, scenarioArgument());
      const live = unwrap(await client.invoke('scenario.live', { id: scenario.id }));
      const links = 'links' in live ? live.links : [];
      return print({ scenario, live }, () =>
        [
          `${scenario.name} (${scenario.type}): ${stateOf(scenario, live)}${'error' in live && live.error ? ` — ${live.error.code}: ${live.error.message}` : ''}`,
          links.length === 0 ? '' : table([['REPLICA', 'STATE', 'SPOOL RECORDS', 'SPOOL BYTES', 'LAG MS'], ...links.map((link) => [link.host, link.state, String(link.spoolRecords), String(link.spoolBytes), String(link.lagMs)])]),
        ].filter(Boolean).join('\n'),
      );
    }
    case 'run': {
      const scenario = await findScenario(client, scenarioArgument());
      const started = unwrap(await client.invoke('scenario.run', { id: scenario.id, credentials: credentialsFrom(options) }));
      return print(started, () => `Scenario "${started.name}" is running.`);
    }
    case 'stop': {
      const stopped = unwrap(await client.invoke('scenario.stop', { id: (await findScenario(client, scenarioArgument())).id }));
      return print(stopped, () => `Scenario "${stopped.name}" stopped.`);
    }
    case 'suspend':
    case 'resume': {
      const scenario = await findScenario(client, scenarioArgument());
      const replicaId = replicaOf(scenario, options.replica);
      unwrap(await client.invoke(command === 'suspend' ? 'scenario.suspend' : 'scenario.resume', { id: scenario.id, replicaId }));
      return print({ id: scenario.id, replicaId }, () => `Replica ${scenario.replicas.find((replica) => replica.id === replicaId)?.host ?? replicaId} of "${scenario.name}" ${command === 'suspend' ? 'suspended' : 'resumed'}.`);
    }
    default:
      return (await runBackupCommand(client, command, args, options)) ?? (await runSourceCommand(client, command, args, options)) ?? runProtectionCommand(client, command, args, options);
  }
}
