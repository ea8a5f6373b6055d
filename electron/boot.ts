import path from 'node:path';
import { openCatalog } from '../engine/catalog/open-catalog';
import { createEngine, type Engine } from '../engine/engine';
import { createDispatch, createHandlers, type Dispatch, type ShellInfo } from './api/handlers';

export interface Booted {
  engine: Engine;
  dispatch: Dispatch;
}

export interface BootOptions {
  dataDir: string;
  shell: ShellInfo['shell'];
  version: string;
  sqliteBinding?: string;
}

/** Opens the catalog, starts the local engine and wires the contract's handlers: shared by both shells. */
export function boot(options: BootOptions): Booted {
  const dataDir = path.resolve(options.dataDir);
  const catalog = openCatalog(dataDir, options.sqliteBinding ? { nativeBinding: options.sqliteBinding } : {});
  const engine = createEngine({ catalog });
  const handlers = createHandlers(engine, { version: options.version, shell: options.shell, dataDir });
  const dispatch = createDispatch(handlers, (error, channel) => {
    const detail = error instanceof Error ? error.message : String(error);
    engine.events.record({ severity: 'error', code: 'E1099', text: `Internal error while handling ${channel}: ${detail}` });
  });
  return { engine, dispatch };
}
