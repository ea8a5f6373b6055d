import type { ReactElement } from 'react';
import { nodeKey, useRestore, type SessionNode } from '../../store/restore';
import { ContentPane } from './ContentPane';
import { EntryTable } from './EntryTable';
import { SessionProperties } from './SessionProperties';
import { SessionTree } from './SessionTree';
import type { CatalogEntry } from './restore-types';
import { useContentMarks } from './use-content-marks';
import { useInvoke } from './use-invoke';

/** A session's top-level folders as content rows (the catalog lists below them). */
function rootEntries(session: number, roots: readonly string[]): CatalogEntry[] {
  return roots.map((root) => ({ session, path: root, name: root, kind: 'directory', size: 0, mtimeMs: Number.NaN, mode: 0, sha256: null }));
}

function sessionOf(node: SessionNode | undefined): number | undefined {
  return node?.kind === 'session' || node?.kind === 'folder' ? node.session : undefined;
}

/** Restore by Session: media → sessions → folders (tree), the chosen folder's entries (content), the session's properties. */
export function SessionView(): ReactElement {
  const node = useRestore((state) => state.sessionNode);
  const select = useRestore((state) => state.selectSessionNode);
  const expand = useRestore((state) => state.expand);
  const session = sessionOf(node);
  const info = useInvoke('restore.session', session === undefined ? undefined : { session });
  const loaded = info.state === 'loaded' ? info.value : undefined;
  const scenario = loaded?.scenario;
  const marking = useContentMarks('session', scenario && { scenarioId: scenario.id, scenarioName: scenario.name, type: scenario.type });
  const onOpen = (row: CatalogEntry): void => {
    if (node?.kind === 'session') expand(nodeKey.session(node.session));
    if (node?.kind === 'folder') expand(nodeKey.sessionFolder(node.session, node.path));
    select({ kind: 'folder', session: row.session, path: row.path });
  };
  const table = { ...marking, onOpen };

  return (
    <div className="source-panes">
      <section className="source-tree-pane" aria-label="Sessions">
        <SessionTree />
      </section>
      <section className="source-content-pane" aria-label="Session content">
        {node?.kind === 'folder' ? (
          <ContentPane source={{ kind: 'session', session: node.session, path: node.path }} {...table} />
        ) : node?.kind === 'session' && loaded ? (
          <div className="content-pane">
            <p className="content-path">Session {node.session}</p>
            <EntryTable label="Content" entries={rootEntries(node.session, loaded.roots)} {...table} />
          </div>
        ) : (
          <p className="empty">Open a media and choose a session or one of its folders.</p>
        )}
        {loaded && !marking.markable && <p className="note">{loaded.scenario.type} sessions restore only as a whole: mark the session in the tree.</p>}
      </section>
      <section className="source-properties-pane" aria-label="Properties">
        <SessionProperties info={session === undefined ? undefined : info} />
      </section>
    </div>
  );
}
