import type { ReactElement } from 'react';
import { nodeKey, useRestore } from '../../store/restore';
import { formatInstant } from '../replication-manager/backup-jobs';
import { FolderTreeItem } from './FolderTreeItem';
import { TreeItem } from './TreeItem';
import { TreeListing } from './TreeListing';
import { isMarked } from './restore-selection';
import type { Session } from './restore-types';
import { useInvoke, type Loadable } from './use-invoke';

/** A session of a media: marked whole with its check box; opened, it lists the Master folders it holds. */
export function SessionTreeItem({ session }: { session: Session }): ReactElement {
  const key = nodeKey.session(session.number);
  const expanded = useRestore((state) => state.expanded[key] === true);
  const selected = useRestore((state) => state.sessionNode?.kind === 'session' && state.sessionNode.session === session.number);
  const marked = useRestore((state) => isMarked(state.marks, { session: session.number, path: null }));
  const toggle = useRestore((state) => state.toggleExpanded);
  const select = useRestore((state) => state.selectSessionNode);
  const toggleMark = useRestore((state) => state.toggleMark);
  // Its scenario (name and type) decides what may be marked below it, so it is read with the node.
  const info = useInvoke('restore.session', { session: session.number });
  const scenario = info.state === 'loaded' ? info.value.scenario : undefined;
  const roots: Loadable<string[]> = info.state === 'loaded' ? { state: 'loaded', value: info.value.roots } : info;
  const label = `Session ${session.number} (${session.entity})`;
  return (
    <TreeItem
      label={label}
      text={
        <>
          Session {session.number} <span className="restore-tree-detail">{session.entity}, {formatInstant(session.startedAt)}</span>
        </>
      }
      level={2}
      icon="session"
      expanded={expanded}
      selected={selected}
      onToggle={() => toggle(key)}
      onSelect={() => select({ kind: 'session', session: session.number })}
      mark={{
        checked: marked,
        label: `Mark session ${session.number} for restore`,
        onChange: () => toggleMark({ session: session.number, path: null, scenarioId: session.scenarioId, scenarioName: scenario?.name ?? session.scenarioId }),
      }}
    >
      <TreeListing listing={roots} level={3} empty="The session holds no folders.">
        {(list) =>
          info.state === 'loaded' &&
          list.map((root) => (
            <FolderTreeItem key={root} place={{ kind: 'session', session: session.number, scenario: info.value.scenario }} path={root} name={root} session={session.number} level={3} />
          ))
        }
      </TreeListing>
    </TreeItem>
  );
}
