import type { ReactElement } from 'react';
import { nodeKey, useRestore } from '../../store/restore';
import { TreeItem } from './TreeItem';
import { TreeListing } from './TreeListing';
import { markOfPath } from './restore-selection';
import { restoresWholeOnly, type CatalogEntry, type TreeVolume } from './restore-types';
import { useInvoke, type Loadable } from './use-invoke';

interface TreeFolderItemProps {
  host: string;
  volume: TreeVolume;
  path: string;
  name: string;
  /** The latest session holding the folder (as its parent's listing says); undefined while unknown. */
  session: number | undefined;
  level: number;
}

const TREE_PAGE = 1000;

/** A Master folder as its latest complete session holds it; FileServer folders are marked with everything below them. */
export function TreeFolderItem({ host, volume, path, name, session, level }: TreeFolderItemProps): ReactElement {
  const key = nodeKey.treeFolder(host, path);
  const expanded = useRestore((state) => state.expanded[key] === true);
  const selected = useRestore((state) => state.treeNode?.kind === 'folder' && state.treeNode.host === host && state.treeNode.path === path);
  const mark = useRestore((state) => markOfPath(state.marks, path));
  const toggle = useRestore((state) => state.toggleExpanded);
  const select = useRestore((state) => state.selectTreeNode);
  const toggleMark = useRestore((state) => state.toggleMark);
  const listing = useInvoke('restore.tree-dir', expanded ? { host, path, limit: TREE_PAGE } : undefined);
  const folders: Loadable<CatalogEntry[]> =
    listing.state === 'loaded' ? { state: 'loaded', value: (listing.value?.entries ?? []).filter((entry) => entry.kind === 'directory') } : listing;
  const item = session === undefined || restoresWholeOnly(volume.type) ? undefined : { session, path, scenarioId: volume.scenarioId, scenarioName: volume.scenarioName };
  return (
    <TreeItem
      label={name}
      level={level}
      icon="folder"
      expanded={expanded}
      selected={selected}
      onToggle={() => toggle(key)}
      onSelect={() => select({ kind: 'folder', host, path, volume })}
      mark={
        item && {
          checked: mark !== undefined,
          label: `Mark ${path} for restore`,
          // A marked folder is unmarked whichever version was picked for it.
          onChange: () => toggleMark(mark ?? item),
        }
      }
    >
      <TreeListing listing={folders} level={level + 1} empty="No subfolders.">
        {(list) => list.map((entry) => <TreeFolderItem key={entry.path} host={host} volume={volume} path={entry.path} name={entry.name} session={entry.session} level={level + 1} />)}
      </TreeListing>
    </TreeItem>
  );
}
