import type { ReactElement } from 'react';
import { nodeKey, useRestore } from '../../store/restore';
import { FolderTreeItem } from './FolderTreeItem';
import { TreeItem } from './TreeItem';
import { isMarked } from './restore-selection';
import type { TreeVolume } from './restore-types';
import { useInvoke } from './use-invoke';

/**
 * A volume (entity) of a Master: its check box marks the latest complete session of the
 * entity as a whole (the only way SQLServer and Exchange entities restore); opened, it lists
 * the Master folders backed up in it.
 */
export function VolumeTreeItem({ host, volume }: { host: string; volume: TreeVolume }): ReactElement {
  const key = nodeKey.volume(host, volume);
  const expanded = useRestore((state) => state.expanded[key] === true);
  const selected = useRestore((state) => state.treeNode?.kind === 'volume' && state.treeNode.host === host && nodeKey.volume(host, state.treeNode.volume) === key);
  const toggle = useRestore((state) => state.toggleExpanded);
  const select = useRestore((state) => state.selectTreeNode);
  const toggleMark = useRestore((state) => state.toggleMark);
  const firstRoot = volume.roots[0];
  // Every session of the entity holds all its roots, so the latest holding the first is the entity's latest.
  const latest = useInvoke('restore.tree-dir', firstRoot === undefined ? undefined : { host, path: firstRoot, limit: 1 });
  const session = latest.state === 'loaded' ? latest.value?.session : undefined;
  const marked = useRestore((state) => session !== undefined && isMarked(state.marks, { session, path: null }));
  const label = `${volume.entity} (${volume.scenarioName})`;
  return (
    <TreeItem
      label={label}
      text={
        <>
          {volume.entity} <span className="restore-tree-detail">{volume.scenarioName}, {volume.type}</span>
        </>
      }
      level={2}
      icon="volume"
      expanded={expanded}
      selected={selected}
      onToggle={() => toggle(key)}
      onSelect={() => select({ kind: 'volume', host, volume })}
      mark={
        session === undefined
          ? undefined
          : {
              checked: marked,
              label: `Mark ${volume.entity} (latest session ${session}) for restore`,
              onChange: () => toggleMark({ session, path: null, scenarioId: volume.scenarioId, scenarioName: volume.scenarioName }),
            }
      }
    >
      {volume.roots.map((root) => (
        <FolderTreeItem key={root} place={{ kind: 'tree', host, volume }} path={root} name={root} session={session} level={3} />
      ))}
    </TreeItem>
  );
}
