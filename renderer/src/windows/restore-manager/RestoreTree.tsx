import type { ReactElement } from 'react';
import { HostTreeItem } from './HostTreeItem';
import { moveTreeFocus } from './TreeItem';
import { TreeListing } from './TreeListing';
import { useInvoke } from './use-invoke';

/** By Tree, tree pane: the Master hosts with complete sessions → their volumes (entities) → folders as on the Master. */
export function RestoreTree(): ReactElement {
  const hosts = useInvoke('restore.tree-hosts', {});
  return (
    <ul role="tree" aria-label="Machines and volumes" className="restore-tree" tabIndex={0} onKeyDown={moveTreeFocus}>
      <TreeListing listing={hosts} level={1} empty="No Master has a complete session yet: back up a scenario first.">
        {(list) => list.map((host) => <HostTreeItem key={host} host={host} />)}
      </TreeListing>
    </ul>
  );
}
