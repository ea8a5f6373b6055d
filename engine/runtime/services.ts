import { MasterService } from '../replication/master-side/master-service';
import { ReplicaService } from '../replication/replica-side/replica-service';
import { RestoreTargetService } from '../restore/destination/restore-target-service';
import type { EngineParts, EngineService } from './engine-runtime';

/** Every capability an engine offers; the same list in the desktop app, the console host and the daemon. */
export async function createEngineServices(parts: EngineParts): Promise<EngineService[]> {
  return [await ReplicaService.start(parts), await MasterService.start(parts), await RestoreTargetService.start(parts)];
}
