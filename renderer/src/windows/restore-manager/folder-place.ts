import type { MarkedItem } from './restore-selection';
import { restoresWholeOnly, type SessionInfo, type SessionNode, type TreeNode, type TreeVolume } from './restore-types';

/**
 * Where a folder node of a Source tree comes from: one session's catalog (by Session), or a
 * volume of a Master host as its latest complete session holds it (by Tree). Listing needs only
 * `kind` and `session`/`host` (list-folder.ts); marking needs the scenario too.
 */
export type FolderPlace = { kind: 'session'; session: number; scenario: SessionInfo['scenario'] } | { kind: 'tree'; host: string; volume: TreeVolume };

/** The scenario a folder of `place` belongs to, as marks name it, with its type. */
export function placeScenario(place: FolderPlace): { scenarioId: string; scenarioName: string; type: string } {
  if (place.kind === 'session') return { scenarioId: place.scenario.id, scenarioName: place.scenario.name, type: place.scenario.type };
  return { scenarioId: place.volume.scenarioId, scenarioName: place.volume.scenarioName, type: place.volume.type };
}

/**
 * What a folder's check box marks: the folder with everything below it, in `session`. None for
 * SQLServer/Exchange (they restore whole) or while the session is unknown (by Tree, until the
 * parent's listing says which session holds the folder).
 */
export function folderItem(place: FolderPlace, path: string, session: number | undefined): MarkedItem | undefined {
  const { scenarioId, scenarioName, type } = placeScenario(place);
  return session === undefined || restoresWholeOnly(type) ? undefined : { session, path, scenarioId, scenarioName };
}

/** Whether the folder is the chosen node of its view's tree (its content is shown). */
export function isChosenFolder(chosen: { sessionNode: SessionNode | undefined; treeNode: TreeNode | undefined }, place: FolderPlace, path: string): boolean {
  if (place.kind === 'session') {
    const node = chosen.sessionNode;
    return node?.kind === 'folder' && node.session === place.session && node.path === path;
  }
  const node = chosen.treeNode;
  return node?.kind === 'folder' && node.host === place.host && node.path === path;
}
