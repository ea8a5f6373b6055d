import type { ReactElement } from 'react';
import { moveTreeFocus } from './TreeItem';
import { MediaTreeItem } from './MediaTreeItem';
import { TreeListing } from './TreeListing';
import { useInvoke } from './use-invoke';

/** By Session, tree pane: every media holding complete sessions (newest first) → its sessions → their folders. */
export function SessionTree(): ReactElement {
  const media = useInvoke('restore.media', {});
  return (
    <ul role="tree" aria-label="Media and sessions" className="restore-tree" tabIndex={0} onKeyDown={moveTreeFocus}>
      <TreeListing listing={media} level={1} empty="No media holds a complete session yet: back up a scenario first.">
        {(list) => list.map((item) => <MediaTreeItem key={item.id} media={item} />)}
      </TreeListing>
    </ul>
  );
}
