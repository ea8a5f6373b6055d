import type { ReactElement } from 'react';
import { nodeKey, useRestore } from '../../store/restore';
import { TreeItem } from './TreeItem';
import { TreeListing } from './TreeListing';
import { VolumeTreeItem } from './VolumeTreeItem';
import { useInvoke } from './use-invoke';

/** A Master host: opened, it lists its volumes (one per entity of each scenario backed up from it). */
export function HostTreeItem({ host }: { host: string }): ReactElement {
  const key = nodeKey.host(host);
  const expanded = useRestore((state) => state.expanded[key] === true);
  const selected = useRestore((state) => state.treeNode?.kind === 'host' && state.treeNode.host === host);
  const toggle = useRestore((state) => state.toggleExpanded);
  const select = useRestore((state) => state.selectTreeNode);
  const volumes = useInvoke('restore.tree-volumes', expanded ? { host } : undefined);
  return (
    <TreeItem label={host} level={1} icon="host" expanded={expanded} selected={selected} onToggle={() => toggle(key)} onSelect={() => select({ kind: 'host', host })}>
      <TreeListing listing={volumes} level={2} empty="No volume of this host has a complete session.">
        {(list) => list.map((volume) => <VolumeTreeItem key={`${volume.scenarioId} ${volume.entity}`} host={host} volume={volume} />)}
      </TreeListing>
    </TreeItem>
  );
}
