import path from 'node:path';
import type { Engine } from '../engine';
import { EngineRuntime } from '../runtime/engine-runtime';
import { createEngineServices } from '../runtime/services';
import { localHostNames } from '../scenario/hosts';
import { EngineClients } from './engine-clients';
import { CredentialVault } from './credentials/credential-vault';
import { keyFileBox } from './credentials/key-file-box';
import type { SecretBox } from './credentials/secret-box';
import { BackupService } from '../backup/backup-service';
import { ArScheduler } from './ar-scheduler';
import { ProtectionControl } from './protection-control';
import { ScenarioControl } from './scenario-control';

export interface ReplicationOptionsForHost {
  dataDir: string;
  /** This host's engine port (default 25000; 0 = chosen by the OS, for tests). */
  port: number;
  bind: string;
  version: string;
  /** Seals stored engine credentials (Electron safeStorage in the desktop app); default: a key file in the data folder. */
  secretBox?: SecretBox;
}

/** The manager's replication side: this host's own engine on the network, and control of every scenario's engines. */
export interface ReplicationManager {
  runtime: EngineRuntime;
  control: ScenarioControl;
  protection: ProtectionControl;
  backup: BackupService;
  close(): Promise<void>;
}

export async function startReplicationManager(engine: Engine, options: ReplicationOptionsForHost): Promise<ReplicationManager> {
  const runtime = await EngineRuntime.start(
    { stateDir: path.join(options.dataDir, 'engine'), port: options.port, bind: options.bind, hostName: engine.hostName, version: options.version, events: engine.events },
    createEngineServices,
  );
  const box = options.secretBox ?? keyFileBox(path.join(options.dataDir, 'credentials.key'));
  const vault = await CredentialVault.open(path.join(options.dataDir, 'credentials.sealed'), box, ({ detail }) =>
    engine.events.record({ severity: 'warning', code: 'W1009', text: `Stored engine credentials could not be read: ${detail}` }),
  );
  const clients = new EngineClients(runtime, localHostNames(), vault);
  const control = new ScenarioControl(engine.scenarios, clients, engine.events, () => runtime.port);
  const protection = new ProtectionControl(control);
  const scheduler = new ArScheduler(engine.scenarios, protection, engine.events);
  const backup = new BackupService(engine.backupCatalog, control, { defaultDeviceDir: path.join(options.dataDir, 'backups') });
  backup.start();
  return {
    runtime,
    control,
    protection,
    backup,
    close: async () => {
      scheduler.close();
      await backup.close();
      await clients.close();
      await runtime.close();
    },
  };
}
