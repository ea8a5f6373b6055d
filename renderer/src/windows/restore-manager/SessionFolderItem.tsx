import type { ReactElement } from 'react';
import { nodeKey, useRestore } from '../../store/restore';
import { TreeItem } from './TreeItem';
import { TreeListing } from './TreeListing';
import { isMarked } from './restore-selection';
import { restoresWholeOnly, type CatalogEntry, type SessionInfo } from './restore-types';
import { useInvoke, type Loadable } from './use-invoke';

interface SessionFolderItemProps {
  info: SessionInfo;
  /** The folder's Master path. */
  path: string;
  name: string;
  level: number;
}

/** The tree lists folders only (the first page of each: folders come first); the content pane lists everything. */
const TREE_PAGE = 1000;

/** A Master folder as one session holds it; marked with everything below it (FileServer scenarios only). */
export function SessionFolderItem({ info, path, name, level }: SessionFolderItemProps): ReactElement {
  const session = info.session.number;
  const key = nodeKey.sessionFolder(session, path);
  const expanded = useRestore((state) => state.expanded[key] === true);
  const selected = useRestore((state) => state.sessionNode?.kind === 'folder' && state.sessionNode.session === session && state.sessionNode.path === path);
  const marked = useRestore((state) => isMarked(state.marks, { session, path }));
  const toggle = useRestore((state) => state.toggleExpanded);
  const select = useRestore((state) => state.selectSessionNode);
  const toggleMark = useRestore((state) => state.toggleMark);
  const listing = useInvoke('restore.session-dir', expanded ? { session, path, limit: TREE_PAGE } : undefined);
  const folders: Loadable<CatalogEntry[]> = listing.state === 'loaded' ? { state: 'loaded', value: listing.value.filter((entry) => entry.kind === 'directory') } : listing;
  const markable = !restoresWholeOnly(info.scenario.type);
  return (
    <TreeItem
      label={name}
      level={level}
      icon="folder"
      expanded={expanded}
      selected={selected}
      onToggle={() => toggle(key)}
      onSelect={() => select({ kind: 'folder', session, path })}
      mark={
        markable
          ? { checked: marked, label: `Mark ${path} for restore`, onChange: () => toggleMark({ session, path, scenarioId: info.scenario.id, scenarioName: info.scenario.name }) }
          : undefined
      }
    >
      <TreeListing listing={folders} level={level + 1} empty="No subfolders.">
        {(list) => list.map((entry) => <SessionFolderItem key={entry.path} info={info} path={entry.path} name={entry.name} level={level + 1} />)}
      </TreeListing>
    </TreeItem>
  );
}
