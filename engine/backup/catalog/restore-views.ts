import type { Database } from 'better-sqlite3';
import { entityOf } from '../entities';
import type { FileCatalog } from './file-catalog';
import type { Media, MediaStore } from './media';
import type { RegisteredScenarios } from './registered-scenarios';

export interface TreeVolume {
  scenarioId: string;
  scenarioName: string;
  type: 'FileServer' | 'SQLServer' | 'Exchange';
  entity: string;
  roots: string[];
}

/**
 * The top levels of the Restore Manager's Source views, over complete sessions only: media
 * (by Session), Master hosts and their volumes (by Tree), and a session's top folders.
 * Below those, FileCatalog's directory listings take over.
 */
export class RestoreViews {
  constructor(
    private readonly db: Database,
    private readonly media: MediaStore,
    private readonly scenarios: RegisteredScenarios,
    private readonly files: FileCatalog,
  ) {}

  /** Media holding complete sessions, newest first, with how many. */
  mediaWithSessions(): (Media & { sessions: number })[] {
    const counts = new Map(
      (this.db.prepare(`SELECT media_id, count(*) AS n FROM backup_sessions WHERE state = 'complete' GROUP BY media_id`).all() as { media_id: string; n: number }[]).map((row) => [row.media_id, row.n]),
    );
    return this.media
      .list()
      .filter((media) => counts.has(media.id))
      .map((media) => ({ ...media, sessions: counts.get(media.id) ?? 0 }))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  hosts(): string[] {
    return this.db.prepare(`SELECT DISTINCT master_host FROM backup_sessions WHERE state = 'complete' ORDER BY master_host`).pluck().all() as string[];
  }

  /** The entities backed up from `host`, each with the Master folders it covers (removed scenarios included: their sessions stay restorable). */
  volumes(host: string): TreeVolume[] {
    const rows = this.db
      .prepare(`SELECT DISTINCT scenario_id, entity FROM backup_sessions WHERE state = 'complete' AND master_host = ? ORDER BY scenario_id, entity`)
      .all(host) as { scenario_id: string; entity: string }[];
    return rows.flatMap(({ scenario_id: scenarioId, entity }) => {
      const scenario = this.scenarios.get(scenarioId);
      if (!scenario) return [];
      const roots = scenario.master.roots.filter((root) => scenario.type !== 'FileServer' || entityOf('FileServer', root, '') === entity);
      return [{ scenarioId, scenarioName: scenario.name, type: scenario.type, entity, roots }];
    });
  }

  /** The Master folders a session holds at its top: the scenario's roots it catalogued. */
  sessionRoots(session: { number: number; scenarioId: string; masterHost: string }): string[] {
    const scenario = this.scenarios.get(session.scenarioId);
    return (scenario?.master.roots ?? []).filter((root) => this.files.holdsDirectory(session.number, session.masterHost, root));
  }
}
