import type { ReactElement } from 'react';
import { nodeKey, useRestore } from '../../store/restore';
import { folderItem, isChosenFolder, type FolderPlace } from './folder-place';
import { listFolder } from './list-folder';
import { TreeItem } from './TreeItem';
import { TreeListing } from './TreeListing';
import { shownMark } from './restore-selection';
import type { CatalogEntry } from './restore-types';
import { useAnswer, type Loadable } from './use-invoke';

interface FolderTreeItemProps {
  place: FolderPlace;
  /** The folder's Master path. */
  path: string;
  name: string;
  /** The session holding the folder (by Tree: the latest, as its parent's listing says; undefined while unknown). */
  session: number | undefined;
  level: number;
}

/** The tree lists folders only (the first page of each: folders come first); the content pane lists everything. */
const TREE_PAGE = 1000;

/**
 * A Master folder in either Source tree: as one session holds it (by Session), or as its latest
 * complete session does (by Tree). FileServer folders are marked with everything below them.
 */
export function FolderTreeItem({ place, path, name, session, level }: FolderTreeItemProps): ReactElement {
  const key = nodeKey.folder(place, path);
  const expanded = useRestore((state) => state.expanded[key] === true);
  const selected = useRestore((state) => isChosenFolder(state, place, path));
  const mark = useRestore((state) => (session === undefined ? undefined : shownMark(state.marks, place.kind, { session, path })));
  const toggle = useRestore((state) => state.toggleExpanded);
  const select = useRestore((state) => state.selectFolder);
  const toggleMark = useRestore((state) => state.toggleMark);
  const listing = useAnswer(
    expanded ? path : undefined,
    () => key,
    (folder) => listFolder(place, folder, TREE_PAGE),
  );
  const folders: Loadable<CatalogEntry[]> = listing.state === 'loaded' ? { state: 'loaded', value: listing.value.filter((entry) => entry.kind === 'directory') } : listing;
  const item = folderItem(place, path, session);
  return (
    <TreeItem
      label={name}
      level={level}
      icon="folder"
      expanded={expanded}
      selected={selected}
      onToggle={() => toggle(key)}
      onSelect={() => select(place, path)}
      mark={
        item && {
          checked: mark !== undefined,
          label: `Mark ${path} for restore`,
          // By Tree, a marked folder is unmarked whichever version was picked for it.
          onChange: () => toggleMark(mark ?? item),
        }
      }
    >
      <TreeListing listing={folders} level={level + 1} empty="No subfolders.">
        {(list) => list.map((entry) => <FolderTreeItem key={entry.path} place={place} path={entry.path} name={entry.name} session={entry.session} level={level + 1} />)}
      </TreeListing>
    </TreeItem>
  );
}
