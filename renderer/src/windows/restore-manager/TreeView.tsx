import { useState, type ReactElement } from 'react';
import { Icon } from '../../components/Icon';
import { nodeKey, useRestore, type TreeNode } from '../../store/restore';
import { ContentPane } from './ContentPane';
import { RestoreTree } from './RestoreTree';
import { VersionHistoryDialog } from './VersionHistoryDialog';
import type { CatalogEntry, FileVersion } from './restore-types';
import { useContentMarks } from './use-content-marks';

/** What the content pane says when no folder is chosen. */
function nodeHint(node: TreeNode | undefined): string {
  if (node?.kind === 'volume') return `${node.volume.entity} of "${node.volume.scenarioName}" (${node.volume.type}): open one of its folders, or mark the volume to restore its latest session whole.`;
  if (node?.kind === 'host') return `Open ${node.host} and one of its volumes.`;
  return 'Open a machine, a volume and a folder: the latest backed-up version of each file is shown.';
}

/** Restore by Tree: machines → volumes → folders as on the Master, the latest version of each; Version History picks an older one. */
export function TreeView(): ReactElement {
  const node = useRestore((state) => state.treeNode);
  const select = useRestore((state) => state.selectTreeNode);
  const expand = useRestore((state) => state.expand);
  const pickVersion = useRestore((state) => state.pickVersion);
  const [history, setHistory] = useState<string | undefined>();
  const folder = node?.kind === 'folder' ? node : undefined;
  const volume = folder?.volume;
  const marking = useContentMarks('tree', volume);
  const markable = marking.markable;
  const historyPath = marking.selectedPath ?? folder?.path;

  const onOpen = (row: CatalogEntry): void => {
    if (!folder) return;
    expand(nodeKey.treeFolder(folder.host, folder.path));
    select({ kind: 'folder', host: folder.host, path: row.path, volume: folder.volume });
  };
  const onPick = (version: FileVersion): void => {
    if (!volume) return;
    pickVersion({ session: version.session, path: markable ? version.path : null, scenarioId: volume.scenarioId, scenarioName: volume.scenarioName });
    setHistory(undefined);
  };

  return (
    <div className="source-panes tree-view">
      <section className="source-tree-pane" aria-label="Machines">
        <RestoreTree />
      </section>
      <section className="source-content-pane wide" aria-label="Folder content">
        <div className="content-toolbar">
          <button type="button" disabled={historyPath === undefined} onClick={() => setHistory(historyPath)} title={historyPath ? `Every backed-up version of ${historyPath}` : 'Choose a file or folder first'}>
            <Icon name="history" /> Version History…
          </button>
          {folder && !markable && <span className="note">{volume?.type} volumes restore only as a whole: mark the volume.</span>}
        </div>
        {folder ? (
          <ContentPane source={{ kind: 'tree', host: folder.host, path: folder.path }} {...marking} onOpen={onOpen} />
        ) : (
          <p className="empty">{nodeHint(node)}</p>
        )}
      </section>
      {history !== undefined && folder && <VersionHistoryDialog host={folder.host} path={history} onPick={onPick} onClose={() => setHistory(undefined)} />}
    </div>
  );
}
