import { credentialsFrom, table, unwrap, type CommandOptions } from './commands';
import type { ContractClient } from './contract-client';

/**
 * The Backup Manager's sources and the manager's stored engine credentials from the command
 * line: list the sources, add or remove a folder source, list or forget stored credentials
 * (host and user only: passwords never leave the vault).
 */
export async function runSourceCommand(client: ContractClient, command: string, args: string[], options: CommandOptions): Promise<string | undefined> {
  const print = (value: unknown, text: () => string): string => (options.json ? JSON.stringify(value, null, 2) : text());
  switch (command) {
    case 'sources': {
      const sources = unwrap(await client.invoke('backup.sources', {}));
      return print(sources, () =>
        table([['ID', 'NAME', 'KIND', 'HOST', 'REPLICAS'], ...sources.map((source) => [source.id, source.name, source.source, source.master, source.replicas.join(', ') || '—'])]),
      );
    }
    case 'add-folder': {
      const [host, folder] = args;
      if (host === undefined || folder === undefined) throw new Error('add-folder needs a host and an absolute folder on it (--credentials-file for another host)');
      const source = unwrap(await client.invoke('backup.add-folder', { host, path: folder, credentials: credentialsFrom(options).slice(0, 1) }));
      return print(source, () => `Folder source "${source.name}" (${source.id}) added.`);
    }
    case 'remove-source': {
      const id = args[0];
      if (id === undefined) throw new Error('remove-source needs a folder source ID (see: understudy sources)');
      unwrap(await client.invoke('backup.remove-source', { id }));
      return print({ id }, () => `Source ${id} removed; its sessions stay restorable.`);
    }
    case 'credentials': {
      const stored = unwrap(await client.invoke('credentials.stored', {}));
      return print(stored, () => (stored.length === 0 ? 'No engine credentials are stored.' : table([['HOST', 'USER'], ...stored.map((entry) => [entry.host, entry.user])])));
    }
    case 'forget-credentials': {
      const host = args[0];
      if (host === undefined) throw new Error('forget-credentials needs a host');
      unwrap(await client.invoke('credentials.forget', { host }));
      return print({ host }, () => `Stored credentials for ${host} forgotten.`);
    }
    default:
      return undefined;
  }
}
