import path from 'node:path';
import { openCatalog } from '../engine/catalog/open-catalog';
import { createEngine, type Engine } from '../engine/engine';
import { startReplicationManager, type ReplicationManager } from '../engine/manager/replication-manager';
import { DEFAULT_ENGINE_PORT } from '../engine/runtime/engine-runtime';
import type { SecretBox } from '../engine/manager/credentials/secret-box';
import { createDispatch, createHandlers, type Dispatch, type ShellInfo } from './api/handlers';

export interface Booted {
  engine: Engine;
  replication: ReplicationManager;
  dispatch: Dispatch;
  /** Stops the engine's listener and replication, then closes the catalog. */
  shutdown(): Promise<void>;
}

export interface BootOptions {
  dataDir: string;
  shell: ShellInfo['shell'];
  version: string;
  sqliteBinding?: string;
  /** This host's engine port (default 25000; 0 = chosen by the OS). */
  enginePort?: number;
  /** Address the engine listens on (default 0.0.0.0, so other hosts' engines reach it). */
  engineBind?: string;
  /** Seals stored engine credentials; the desktop app passes Electron safeStorage, others get a key file in the data folder. */
  secretBox?: SecretBox;
}

/** Opens the catalog, starts the local engine and wires the contract's handlers: shared by both shells. */
export async function boot(options: BootOptions): Promise<Booted> {
  const dataDir = path.resolve(options.dataDir);
  const catalog = openCatalog(dataDir, options.sqliteBinding ? { nativeBinding: options.sqliteBinding } : {});
  const engine = createEngine({ catalog });
  let replication: ReplicationManager;
  try {
    replication = await startReplicationManager(engine, {
      dataDir,
      port: options.enginePort ?? DEFAULT_ENGINE_PORT,
      bind: options.engineBind ?? '0.0.0.0',
      version: options.version,
      ...(options.secretBox ? { secretBox: options.secretBox } : {}),
    });
  } catch (error) {
    engine.close();
    throw error;
  }
  const handlers = createHandlers(engine, replication.control, replication.backup, { version: options.version, shell: options.shell, dataDir });
  const dispatch = createDispatch(handlers, (error, channel) => {
    const detail = error instanceof Error ? error.message : String(error);
    engine.events.record({ severity: 'error', code: 'E1099', text: `Internal error while handling ${channel}: ${detail}` });
  });
  return {
    engine,
    replication,
    dispatch,
    shutdown: async () => {
      await replication.close();
      engine.close();
    },
  };
}
