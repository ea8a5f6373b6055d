import type { FocusEvent, ReactElement } from 'react';
import type { BrowseEntry } from '../../../../electron/api/contract';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Icon } from '../../components/Icon';
import { childPath } from './directory-paths';
import { entryLabel, shownListing, truncationNote, type DirectoryTree } from './directory-tree';
import { formatBytes, formatTimestamp } from './format';

/** What every node of one tree shares: the listings, which node takes Tab, and what a click does. */
export interface DirectoryTreeView {
  tree: DirectoryTree;
  focusedPath: string | undefined;
  onFocus(path: string): void;
  onToggle(path: string): void;
}

interface ItemProps {
  view: DirectoryTreeView;
  path: string;
  level: number;
}

const indent = (level: number): { paddingLeft: number } => ({ paddingLeft: 4 + (level - 1) * 18 });

/** Roving focus: only the focused node is in the Tab order; focus moving inside reports which node it is. */
function focusProps(view: DirectoryTreeView, path: string) {
  return {
    'data-path': path,
    tabIndex: view.focusedPath === path ? 0 : -1,
    onFocus: (event: FocusEvent<HTMLLIElement>) => {
      if (event.target === event.currentTarget) view.onFocus(path);
    },
  };
}

/** A folder of the Master (a root, or a folder listed under one); listed when expanded. */
export function FolderItem({ view, path, level, name, entry }: ItemProps & { name: string; entry?: BrowseEntry }): ReactElement {
  const listing = view.tree.folders[path];
  const reply = shownListing(listing);
  const note = reply && truncationNote(reply);
  return (
    <li role="treeitem" aria-level={level} aria-expanded={listing !== undefined} aria-busy={listing?.state === 'loading'} aria-label={name} {...focusProps(view, path)}>
      <div className={entry ? 'directory-row' : 'directory-row directory-root'} style={indent(level)} onClick={() => view.onToggle(path)} title={path}>
        <span className="directory-name">
          <Icon name="chevron" className="chevron" />
          <Icon name="folder" />
          <span className="directory-label">{name}</span>
        </span>
        {entry && (
          <>
            <span className="directory-size" />
            <span className="directory-time">{formatTimestamp(entry.mtimeMs)}</span>
          </>
        )}
      </div>
      {listing?.state === 'failed' && (
        <div style={indent(level + 1)}>
          <ErrorBanner error={listing.error} />
        </div>
      )}
      {listing?.state === 'loading' && !reply && (
        <p className="directory-note" style={indent(level + 1)}>
          Listing…
        </p>
      )}
      {reply?.entries.length === 0 && (
        <p className="directory-note" style={indent(level + 1)}>
          Empty folder
        </p>
      )}
      {reply && reply.entries.length > 0 && (
        <ul role="group">
          {reply.entries.map((child) =>
            child.kind === 'directory' ? (
              <FolderItem key={child.name} view={view} path={childPath(path, child.name)} level={level + 1} name={child.name} entry={child} />
            ) : (
              <EntryItem key={child.name} view={view} path={childPath(path, child.name)} level={level + 1} entry={child} />
            ),
          )}
        </ul>
      )}
      {note && (
        <p className="directory-note" style={indent(level + 1)}>
          {note}
        </p>
      )}
    </li>
  );
}

/** A file (or another kind of entry) with its size and modification time. */
function EntryItem({ view, path, level, entry }: ItemProps & { entry: BrowseEntry }): ReactElement {
  return (
    <li role="treeitem" aria-level={level} aria-label={entryLabel(entry)} {...focusProps(view, path)}>
      <div className="directory-row" style={indent(level)} title={path}>
        <span className="directory-name">
          <span className="chevron-space" />
          <Icon name="file" />
          <span className="directory-label">{entry.name}</span>
        </span>
        <span className="directory-size">{entry.kind === 'file' ? formatBytes(entry.size) : ''}</span>
        <span className="directory-time">{formatTimestamp(entry.mtimeMs)}</span>
      </div>
    </li>
  );
}
