import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { UserError } from '../../messages/user-error';
import type { Channels } from '../../runtime/channel-registry';
import type { EngineParts, EngineService } from '../../runtime/engine-runtime';
import { writeFileAtomic } from '../../util/atomic-file';
import { MasterScenarioSchema, masterDir, readMasterScenario, writeMasterScenario, type MasterScenario } from './master-state';
import { ScenarioRunner } from './scenario-runner';

const ScenarioRef = z.object({ scenarioId: z.string().min(1).max(100) });
const ReplicaRef = ScenarioRef.extend({ replicaId: z.string().min(1).max(100) });
const RunStateSchema = z.object({ running: z.boolean() });

/**
 * The Master role of an engine: runs the scenarios whose Master is this host. A running
 * scenario is recorded on disk, so after a crash or reboot the engine resumes it by itself —
 * capture, spools and Replicas pick up where they were.
 */
export class MasterService implements EngineService {
  private readonly runners = new Map<string, ScenarioRunner>();

  private constructor(private readonly parts: EngineParts) {}

  static async start(parts: EngineParts): Promise<MasterService> {
    const service = new MasterService(parts);
    for (const scenarioId of await fs.readdir(path.join(parts.stateDir, 'masters')).catch(() => [])) {
      const dir = masterDir(parts.stateDir, scenarioId);
      const scenario = await readMasterScenario(dir);
      if (scenario && (await service.wasRunning(dir))) await service.startRunner(scenario);
    }
    return service;
  }

  adminChannels(): Channels {
    return {
      'master.run': async (body) => {
        const scenario = MasterScenarioSchema.parse(body);
        await this.runners.get(scenario.scenarioId)?.stop();
        const dir = masterDir(this.parts.stateDir, scenario.scenarioId);
        await writeMasterScenario(dir, scenario);
        await this.setRunning(dir, true);
        await this.startRunner(scenario);
        return {};
      },
      'master.stop': async (body) => {
        const { scenarioId } = ScenarioRef.parse(body);
        const runner = this.runners.get(scenarioId);
        this.runners.delete(scenarioId);
        await this.setRunning(masterDir(this.parts.stateDir, scenarioId), false);
        await runner?.stop();
        return {};
      },
      'master.suspend': async (body) => {
        const { scenarioId, replicaId } = ReplicaRef.parse(body);
        await this.runner(scenarioId).setSuspended(replicaId, true);
        return {};
      },
      'master.resume': async (body) => {
        const { scenarioId, replicaId } = ReplicaRef.parse(body);
        await this.runner(scenarioId).setSuspended(replicaId, false);
        return {};
      },
      'master.status': (body) => {
        const { scenarioId } = ScenarioRef.parse(body);
        const runner = this.runners.get(scenarioId);
        return runner ? { running: true, ...runner.status() } : { running: false, links: [], roots: [] };
      },
    };
  }

  replicationChannels(): Channels {
    return {};
  }

  async close(): Promise<void> {
    for (const runner of this.runners.values()) await runner.stop();
    this.runners.clear();
  }

  private runner(scenarioId: string): ScenarioRunner {
    const runner = this.runners.get(scenarioId);
    if (!runner) throw new UserError('E1002', `scenario ${scenarioId} is not running on this engine`);
    return runner;
  }

  private async startRunner(scenario: MasterScenario): Promise<void> {
    const runner = await ScenarioRunner.start(this.parts, scenario, masterDir(this.parts.stateDir, scenario.scenarioId));
    this.runners.set(scenario.scenarioId, runner);
  }

  private async wasRunning(dir: string): Promise<boolean> {
    try {
      return RunStateSchema.parse(JSON.parse(await fs.readFile(path.join(dir, 'run-state.json'), 'utf8'))).running;
    } catch {
      return false;
    }
  }

  private async setRunning(dir: string, running: boolean): Promise<void> {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(path.join(dir, 'run-state.json'), JSON.stringify({ running }));
  }
}
