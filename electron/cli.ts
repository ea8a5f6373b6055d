#!/usr/bin/env node
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatErrorInfo } from '../engine/messages/describe-error';
import { CommandError, runCommand } from './cli/commands';
import { ContractClient } from './cli/contract-client';
import { readConsoleFile } from './console/console-file';
import { defaultDataDir } from './data-dir';

const USAGE = `Usage: understudy <command> [scenario] [options]

Talks to the running console host of this machine (npm run console / understudy-console),
through the same contract as the Replication Manager.

Commands:
  list                       every scenario with its state
  status <scenario>          live state of a scenario and of each Replica
  run <scenario>             run (register, synchronize, replicate)
  stop <scenario>            stop
  suspend <scenario>         suspend a Replica (changes wait in the spool)
  resume <scenario>          resume it (the spool drains)
  bookmark <scenario> [name] set a rewind bookmark (default name: date and time)
  points <scenario>          rewind points, newest first (--file TEXT, --limit N)
  rewind <scenario>          Data Rewind: --to <operation> (state before it) or --bookmark <id|name>;
                             --under PATH rewinds only that folder of the first root
  snapshots <scenario>       the Replica's snapshots
  snapshot <scenario> [name] take a snapshot
  release <scenario> <id>    release a snapshot
  export <scenario> <id> <Master path> <folder>   copy a snapshot subtree out (read-only files)
  test <scenario>            start an Assured Recovery test
  backup <scenario>          back the scenario up now from its Replica (--wait; --password-file F encrypts)
  jobs                       the job queue (backup and restore jobs)
  sources                    what the Backup Manager can back up: registered scenarios and folder sources
  add-folder <host> <folder> add a folder on a host as a backup source (--credentials-file for another host)
  remove-source <id>         remove a folder source (its sessions stay restorable)
  credentials                hosts whose engine credentials are stored (encrypted), with their users
  forget-credentials <host>  forget a host's stored credentials
  apply-restore <job>        swap in files a restore left as <name>.TMP (once the application is stopped)
  send-to-master <job>       after a restore to a Replica: copy the restored paths to the Master

Options:
  --data-dir DIR             the console host's data folder (default: ${defaultDataDir()})
  --replica HOST             which Replica (default: the first)
  --credentials-file FILE    run, add-folder: JSON [{"host","user","password"}] for engines on other hosts
  --json                     machine-readable output`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      replica: { type: 'string' },
      'credentials-file': { type: 'string' },
      to: { type: 'string' },
      bookmark: { type: 'string' },
      file: { type: 'string' },
      under: { type: 'string' },
      limit: { type: 'string' },
      'password-file': { type: 'string' },
      wait: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const [command, ...args] = positionals;
  if (values.help || command === undefined) {
    console.log(USAGE);
    return command === undefined && !values.help ? 2 : 0;
  }
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  const host = readConsoleFile(dataDir);
  if (!host) {
    console.error(`understudy: no console host is running for ${dataDir} (start it with \`npm run console -- --data-dir ${dataDir}\`).`);
    return 1;
  }
  const client = await ContractClient.connect(host.port, host.token);
  try {
    console.log(
      await runCommand(client, command, args, {
        json: values.json === true,
        ...(values.replica ? { replica: values.replica } : {}),
        ...(values['credentials-file'] ? { credentialsFile: values['credentials-file'] } : {}),
        ...(values.to ? { to: values.to } : {}),
        ...(values.bookmark ? { bookmark: values.bookmark } : {}),
        ...(values.file ? { file: values.file } : {}),
        ...(values.under ? { under: values.under } : {}),
        ...(values.limit ? { limit: Number(values.limit) } : {}),
        ...(values['password-file'] ? { passwordFile: values['password-file'] } : {}),
        ...(values.wait ? { wait: true } : {}),
      }),
    );
    return 0;
  } finally {
    client.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof CommandError) {
      console.error(formatErrorInfo(error.info));
    } else {
      console.error(`understudy: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    }
    process.exit(error instanceof CommandError ? 1 : 2);
  },
);
