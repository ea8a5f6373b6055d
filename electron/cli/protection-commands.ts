import type { RewindPoint, RewindTarget } from '../api/contract';
import { findScenario, replicaOf, table, unwrap, type CommandOptions } from './commands';
import type { ContractClient } from './contract-client';

function time(at: number): string {
  return new Date(at).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

function pointRow(point: RewindPoint): string[] {
  return point.kind === 'bookmark'
    ? [time(point.at), `bookmark ${point.id}`, point.name, '']
    : [time(point.at), `operation ${point.jseq}`, point.op, point.path];
}

/** `--to 1234` (an operation) or `--bookmark 7` / `--bookmark "before upgrade"`. */
async function rewindTarget(client: ContractClient, id: string, replicaId: string, options: CommandOptions): Promise<RewindTarget> {
  if (options.to !== undefined) {
    const jseq = Number(options.to);
    if (!Number.isInteger(jseq) || jseq < 1) throw new Error('--to needs an operation number from `understudy points`');
    return { kind: 'operation', jseq };
  }
  if (options.bookmark === undefined) throw new Error('rewind needs --to <operation> or --bookmark <id or name>');
  const byId = Number(options.bookmark);
  if (Number.isInteger(byId) && byId > 0) return { kind: 'bookmark', id: byId };
  const { points } = unwrap(await client.invoke('rewind.points', { id, replicaId, query: { path: options.bookmark, limit: 1 } }));
  const found = points.find((point) => point.kind === 'bookmark' && point.name === options.bookmark);
  if (found?.kind !== 'bookmark') throw new Error(`no bookmark named "${options.bookmark}"`);
  return { kind: 'bookmark', id: found.id };
}

/** Rewind points, Data Rewind, snapshots and Assured Recovery from the command line. */
export async function runProtectionCommand(client: ContractClient, command: string, args: string[], options: CommandOptions): Promise<string> {
  const print = (value: unknown, text: () => string): string => (options.json ? JSON.stringify(value, null, 2) : text());
  const name = args[0];
  if (name === undefined) throw new Error(`unknown command "${command}"`);
  const scenario = await findScenario(client, name);
  const replicaId = replicaOf(scenario, options.replica);
  const ref = { id: scenario.id, replicaId };
  switch (command) {
    case 'bookmark': {
      const set = unwrap(await client.invoke('rewind.bookmark', { id: scenario.id, ...(args[1] ? { name: args[1] } : {}) }));
      return print(set, () => `Bookmark "${set.name}" set on ${set.replicas} Replica(s) of "${scenario.name}".`);
    }
    case 'points': {
      const reply = unwrap(await client.invoke('rewind.points', { ...ref, query: { ...(options.file ? { path: options.file } : {}), limit: options.limit ?? 50 } }));
      return print(reply, () => [table([['TIME', 'POINT', 'OPERATION / NAME', 'FILE'], ...reply.points.map(pointRow)]), reply.truncated ? '(more points: narrow with --file or raise --limit)' : ''].filter(Boolean).join('\n'));
    }
    case 'rewind': {
      const target = await rewindTarget(client, scenario.id, replicaId, options);
      const scope = options.under === undefined ? undefined : { root: 0, path: options.under };
      const summary = unwrap(await client.invoke('rewind.run', { ...ref, target, ...(scope ? { scope } : {}) }));
      return print(summary, () => `Replica of "${scenario.name}" rewound: ${summary.undone} operation(s) undone in ${summary.durationMs} ms (report: ${summary.reportFile}). The scenario is stopped; running it resynchronizes the Replica.`);
    }
    case 'snapshots': {
      const status = unwrap(await client.invoke('protection.status', { id: scenario.id })).find((entry) => entry.replicaId === replicaId);
      const snapshots = status?.snapshots ?? [];
      return print(status, () => table([['ID', 'NAME', 'TAKEN', 'PURPOSE', 'CHANGES SINCE'], ...snapshots.map((snapshot) => [snapshot.id, snapshot.name, time(snapshot.at), snapshot.purpose, String(snapshot.changesSince)])]));
    }
    case 'snapshot': {
      const created = unwrap(await client.invoke('snapshot.create', { ...ref, ...(args[1] ? { name: args[1] } : {}) }));
      return print(created, () => `Snapshot "${created.name}" (${created.id}) created.`);
    }
    case 'release': {
      const snapshotId = args[1];
      if (snapshotId === undefined) throw new Error('release needs a snapshot ID (see `understudy snapshots`)');
      unwrap(await client.invoke('snapshot.release', { ...ref, snapshotId }));
      return print({ snapshotId }, () => `Snapshot ${snapshotId} released.`);
    }
    case 'export': {
      const [, snapshotId, from, destination] = args;
      if (snapshotId === undefined || from === undefined || destination === undefined) throw new Error('export needs <snapshot ID> <Master path> <destination folder>');
      const reply = unwrap(await client.invoke('snapshot.export', { ...ref, snapshotId, path: from, destination }));
      return print(reply, () => `Exported ${reply.files} file(s), ${reply.bytes} bytes to ${reply.destination}.`);
    }
    case 'test': {
      const status = unwrap(await client.invoke('ar.start', ref));
      return print(status, () => `Assured Recovery test of "${scenario.name}" started (${status.state}); follow it with \`understudy status\` or the Events pane.`);
    }
    default:
      throw new Error(`unknown command "${command}"`);
  }
}
