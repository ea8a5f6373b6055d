import type { BrowseEntry, BrowseReply, ErrorInfo, Result } from '../../../../electron/api/contract';
import { childPath, isWithin } from './directory-paths';
import { formatBytes, formatTimestamp } from './format';

/** One expanded folder's listing from the Master: being read (showing the last one meanwhile), read, or refused. */
export type FolderListing =
  | { state: 'loading'; request: number; previous: BrowseReply | undefined }
  | { state: 'loaded'; reply: BrowseReply }
  | { state: 'failed'; error: ErrorInfo };

/** The Directories tab's tree: a folder is expanded exactly when it has a listing here. */
export interface DirectoryTree {
  folders: Readonly<Record<string, FolderListing>>;
}

export const EMPTY_TREE: DirectoryTree = { folders: {} };

export type DirectoryTreeAction =
  | { type: 'expand'; path: string; request: number }
  | { type: 'collapse'; path: string }
  | { type: 'reload'; path: string; request: number }
  | { type: 'listed'; path: string; request: number; result: Result<BrowseReply> };

/** The tree after one action. Answers to requests no longer awaited (collapsed, or asked again since) change nothing. */
export function reduceDirectoryTree(tree: DirectoryTree, action: DirectoryTreeAction): DirectoryTree {
  const current = tree.folders[action.path];
  switch (action.type) {
    case 'expand':
      if (current) return tree;
      return { folders: { ...tree.folders, [action.path]: { state: 'loading', request: action.request, previous: undefined } } };
    case 'reload': {
      if (!current) return tree;
      const previous = current.state === 'loaded' ? current.reply : current.state === 'loading' ? current.previous : undefined;
      return { folders: { ...tree.folders, [action.path]: { state: 'loading', request: action.request, previous } } };
    }
    case 'collapse': {
      if (!current) return tree;
      const folders = Object.fromEntries(Object.entries(tree.folders).filter(([path]) => !isWithin(path, action.path)));
      return { folders };
    }
    case 'listed': {
      if (current?.state !== 'loading' || current.request !== action.request) return tree;
      const listing: FolderListing = action.result.ok ? { state: 'loaded', reply: action.result.value } : { state: 'failed', error: action.result.error };
      return { folders: { ...tree.folders, [action.path]: listing } };
    }
  }
}

/** The entries to show under an expanded folder: its listing, or the last one while it is read again. */
export function shownListing(listing: FolderListing | undefined): BrowseReply | undefined {
  if (listing?.state === 'loaded') return listing.reply;
  if (listing?.state === 'loading') return listing.previous;
  return undefined;
}

/** A visible node of the tree, in display order, as keyboard navigation walks it. */
export interface VisibleItem {
  path: string;
  parent: string | undefined;
  folder: boolean;
  expanded: boolean;
}

/** Every node a user sees: the roots and, below each expanded folder, its listed entries. */
export function visibleItems(roots: readonly string[], tree: DirectoryTree): VisibleItem[] {
  const items: VisibleItem[] = [];
  const visit = (path: string, parent: string | undefined, folder: boolean): void => {
    const expanded = folder && tree.folders[path] !== undefined;
    items.push({ path, parent, folder, expanded });
    if (!expanded) return;
    for (const entry of shownListing(tree.folders[path])?.entries ?? []) visit(childPath(path, entry.name), path, entry.kind === 'directory');
  };
  for (const root of roots) visit(root, undefined, true);
  return items;
}

export type TreeKeyAction = { type: 'focus'; path: string } | { type: 'expand'; path: string } | { type: 'collapse'; path: string };

/** What a key does on the focused node (WAI-ARIA tree pattern): arrows move and open/close, Home/End jump, Enter/Space toggle. */
export function treeKeyAction(items: readonly VisibleItem[], focused: string, key: string): TreeKeyAction | undefined {
  const index = items.findIndex((item) => item.path === focused);
  const item = items[index];
  if (!item) return items[0] ? { type: 'focus', path: items[0].path } : undefined;
  const focusAt = (at: number): TreeKeyAction | undefined => {
    const target = items[at];
    return target && target.path !== focused ? { type: 'focus', path: target.path } : undefined;
  };
  switch (key) {
    case 'ArrowDown':
      return focusAt(index + 1);
    case 'ArrowUp':
      return focusAt(index - 1);
    case 'Home':
      return focusAt(0);
    case 'End':
      return focusAt(items.length - 1);
    case 'ArrowRight':
      if (!item.folder) return undefined;
      if (!item.expanded) return { type: 'expand', path: item.path };
      return items[index + 1]?.parent === item.path ? focusAt(index + 1) : undefined;
    case 'ArrowLeft':
      if (item.expanded) return { type: 'collapse', path: item.path };
      return item.parent !== undefined ? { type: 'focus', path: item.parent } : undefined;
    case 'Enter':
    case ' ':
      if (!item.folder) return undefined;
      return { type: item.expanded ? 'collapse' : 'expand', path: item.path };
    default:
      return undefined;
  }
}

/** Said when a folder holds more than the Master listed. The reply does not say how many more, only that there are. */
export function truncationNote(reply: BrowseReply): string | undefined {
  if (!reply.truncated) return undefined;
  return `Only the first ${reply.entries.length.toLocaleString('en-US')} entries are shown; more not shown.`;
}

/** A listed entry's accessible name: what a screen reader says and what the tests find it by. */
export function entryLabel(entry: BrowseEntry): string {
  if (entry.kind === 'directory') return entry.name;
  const kind = entry.kind === 'file' ? formatBytes(entry.size) : 'not a file or folder';
  return `${entry.name}, ${kind}, modified ${formatTimestamp(entry.mtimeMs)}`;
}
