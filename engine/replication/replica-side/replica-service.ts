import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { UserError } from '../../messages/user-error';
import { DeferredSyncs, withDeferredSyncs } from '../../replica/durable-fs';
import { resolveInsideRoot } from '../../replica/path-guard';
import { DEFAULT_PROTECTION_SETTINGS, ProtectionSettingsSchema } from '../../replica/protection-settings';
import type { Channels } from '../../runtime/channel-registry';
import type { EngineParts, EngineService } from '../../runtime/engine-runtime';
import type { Connection } from '../../transport/connection';
import { decodeChangeRecord } from '../change-record';
import {
  ListNextSchema,
  ListOpenSchema,
  RecordsRequestSchema,
  SyncApplySchema,
  SyncCompleteSchema,
} from '../wire';
import { ReplicaRef, ScenarioRef } from './admin-refs';
import { blockSyncChannels } from './block-sync-ops';
import { readReplicaState, replicaDir, writeReplicaState, type ReplicaState } from './replica-state';
import { protectionChannels } from './protection-channels';
import { ReplicaProtection } from './replica-protection';
import { ReplicaSession } from './replica-session';
import { TreeCursors } from './tree-cursors';

export const PrepareReplicaSchema = z.object({
  scenarioId: z.string().min(1).max(100),
  scenarioName: z.string().max(200),
  replicaId: z.string().min(1).max(100),
  masterHost: z.string().max(300),
  roots: z.array(z.string().max(4096)).min(1).max(256),
  target: z.string().min(1).max(4096),
  protection: ProtectionSettingsSchema.default(DEFAULT_PROTECTION_SETTINGS),
});

/** The Replica role of an engine: hosts Replicas of scenarios whose Masters are elsewhere (or on this host). */
export class ReplicaService implements EngineService {
  private readonly sessions = new Map<string, ReplicaSession>();
  private readonly protections = new Map<string, ReplicaProtection>();

  private constructor(private readonly parts: EngineParts) {}

  /** Reopens every Replica hosted here, so queued records apply even before their Master reconnects. */
  static async start(parts: EngineParts): Promise<ReplicaService> {
    const service = new ReplicaService(parts);
    const base = path.join(parts.stateDir, 'replicas');
    for (const scenarioId of await fs.readdir(base).catch(() => [])) {
      for (const replicaId of await fs.readdir(path.join(base, scenarioId)).catch(() => [])) {
        const dir = replicaDir(parts.stateDir, scenarioId, replicaId);
        const state = await readReplicaState(dir);
        if (state) await service.openSession(`${scenarioId}/${replicaId}`, dir, state);
      }
    }
    return service;
  }

  adminChannels(): Channels {
    return {
      'replica.prepare': async (body) => this.prepare(PrepareReplicaSchema.parse(body)),
      'replica.status': (body) => {
        const { scenarioId } = ScenarioRef.parse(body);
        return [...this.sessions.values()]
          .filter((session) => session.current.scenarioId === scenarioId)
          .map((session) => ({ replicaId: session.current.replicaId, ...session.hello() }));
      },
      ...protectionChannels((body) => this.protectionOf(ReplicaRef.parse(body)), (scenarioId) => this.protectionsOf(scenarioId)),
    };
  }

  private async openSession(key: string, dir: string, state: ReplicaState): Promise<void> {
    const session = await ReplicaSession.open(dir, state, this.parts.events);
    this.sessions.set(key, session);
    this.protections.set(key, await ReplicaProtection.open(session, this.parts.events));
    session.start();
  }

  private protectionOf(ref: { scenarioId: string; replicaId: string }): ReplicaProtection {
    const found = this.protections.get(`${ref.scenarioId}/${ref.replicaId}`);
    if (!found) throw new UserError('E1206', `this engine hosts no Replica ${ref.replicaId} of scenario ${ref.scenarioId}`);
    return found;
  }

  private protectionsOf(scenarioId: string): { replicaId: string; protection: ReplicaProtection }[] {
    return [...this.sessions.entries()]
      .filter(([, session]) => session.current.scenarioId === scenarioId)
      .flatMap(([key, session]) => {
        const protection = this.protections.get(key);
        return protection ? [{ replicaId: session.current.replicaId, protection }] : [];
      });
  }

  replicationChannels(scenarioId: string, replicaId: string, connection: Connection): Channels {
    const session = (): ReplicaSession => {
      const found = this.sessions.get(`${scenarioId}/${replicaId}`);
      if (!found) throw new UserError('E1206', `this engine hosts no Replica ${replicaId} of scenario ${scenarioId}`);
      return found;
    };
    const cursors = new TreeCursors();
    const blockSync = blockSyncChannels(session);
    const onApplied = (appliedSeq: number): void => {
      if (connection.isOpen) connection.request('master.applied', { appliedSeq }).catch(() => undefined);
    };
    const onDiverged = (): void => {
      if (connection.isOpen) connection.request('master.diverged', {}).catch(() => undefined);
    };
    const current = this.sessions.get(`${scenarioId}/${replicaId}`);
    current?.on('applied', onApplied);
    current?.on('diverged', onDiverged);
    connection.once('closed', () => {
      current?.off('applied', onApplied);
      current?.off('diverged', onDiverged);
      void cursors.closeAll();
      void blockSync.close();
      this.parts.events.record({ severity: 'warning', scenarioId, text: `Master of scenario "${current?.current.scenarioName ?? scenarioId}" disconnected from this Replica` });
    });
    this.parts.events.record({ severity: 'info', scenarioId, text: `Master ${current?.current.masterHost ?? ''} connected to Replica of "${current?.current.scenarioName ?? scenarioId}"` });
    let syncApplyTail: Promise<unknown> = Promise.resolve();
    const applySyncBatch = async (body: unknown): Promise<object> => {
      const target = session();
      const syncs = new DeferredSyncs();
      try {
        for (const bytes of SyncApplySchema.parse(body).records) await withDeferredSyncs(syncs, () => target.applyDirect(decodeChangeRecord(bytes)));
      } catch (error) {
        if (error instanceof UserError && error.code === 'E1101') {
          this.parts.events.record({ severity: 'error', code: 'E1101', scenarioId, text: `Replica refused a synchronization record: ${error.message}` });
        }
        throw error;
      } finally {
        await syncs.flush();
      }
      return {};
    };
    return {
      'rep.hello': () => session().hello(),
      'rep.records': async (body) => ({ receivedSeq: await session().receive(RecordsRequestSchema.parse(body).records) }),
      'rep.sync-begin': async () => {
        await session().beginSync();
        return {};
      },
      'rep.sync-complete': async (body) => {
        await session().completeSync(SyncCompleteSchema.parse(body).seq);
        return {};
      },
      'rep.sync-apply': (body) => {
        // The Master keeps several batches in flight; they must land in the order they were sent.
        const applying = syncApplyTail.then(() => applySyncBatch(body));
        syncApplyTail = applying.catch(() => undefined);
        return applying;
      },

      'rep.list-open': async (body) => {
        const { root, prefix } = ListOpenSchema.parse(body);
        const base = this.rootTarget(session(), root);
        await fs.mkdir(base, { recursive: true });
        const absolute = prefix === '' ? base : await resolveInsideRoot(base, prefix);
        return { cursor: await cursors.openCursor(absolute, prefix) };
      },
      'rep.list-next': (body) => {
        const { cursor, limit } = ListNextSchema.parse(body);
        return cursors.next(cursor, limit);
      },
      ...blockSync.channels,
    };
  }

  async close(): Promise<void> {
    for (const session of this.sessions.values()) await session.close();
    this.sessions.clear();
    this.protections.clear();
  }

  private rootTarget(session: ReplicaSession, root: number): string {
    const target = session.targets[root];
    if (target === undefined) throw new UserError('E1206', `no root ${root} in this scenario`);
    return target;
  }

  private async prepare(request: z.infer<typeof PrepareReplicaSchema>): Promise<{ token: string; fingerprint: string; engineId: string }> {
    if (!path.isAbsolute(request.target)) throw new UserError('E1001', `the Replica target "${request.target}" is not an absolute path on ${this.parts.hostName}`);
    await fs.mkdir(request.target, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      throw new UserError('E1103', `cannot create the Replica target ${request.target} on ${this.parts.hostName}: ${error.code ?? error.message}`);
    });
    const key = `${request.scenarioId}/${request.replicaId}`;
    const dir = replicaDir(this.parts.stateDir, request.scenarioId, request.replicaId);
    if (this.protections.get(key)?.busy) throw new UserError('E1503', `${this.protections.get(key)?.busy} on the Replica of "${request.scenarioName}"`);
    const previous = await readReplicaState(dir);
    const sameLayout = previous && previous.target === request.target && JSON.stringify(previous.roots) === JSON.stringify(request.roots);
    const state: ReplicaState = {
      ...request,
      synced: sameLayout ? previous.synced : false,
      appliedSeq: sameLayout ? previous.appliedSeq : 0,
    };
    await this.sessions.get(key)?.close();
    await writeReplicaState(dir, state);
    await this.openSession(key, dir, state);
    const token = await this.parts.tokens.issue(request.scenarioId, request.replicaId);
    return { token, fingerprint: this.parts.identity.fingerprint, engineId: this.parts.identity.engineId };
  }
}
