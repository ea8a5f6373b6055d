import type { ReactElement } from 'react';
import { nodeKey, useRestore } from '../../store/restore';
import { SessionTreeItem } from './SessionTreeItem';
import { TreeItem } from './TreeItem';
import { TreeListing } from './TreeListing';
import type { MediaSummary } from './restore-types';
import { useInvoke } from './use-invoke';

/** A media: its sessions are listed (backup.sessions of the media) when it is opened. */
export function MediaTreeItem({ media }: { media: MediaSummary }): ReactElement {
  const key = nodeKey.media(media.id);
  const expanded = useRestore((state) => state.expanded[key] === true);
  const selected = useRestore((state) => state.sessionNode?.kind === 'media' && state.sessionNode.mediaId === media.id);
  const toggle = useRestore((state) => state.toggleExpanded);
  const select = useRestore((state) => state.selectSessionNode);
  const sessions = useInvoke('backup.sessions', expanded ? { mediaId: media.id, limit: 10_000 } : undefined);
  const complete = sessions.state === 'loaded' ? { state: 'loaded' as const, value: sessions.value.filter((session) => session.state === 'complete') } : sessions;
  return (
    <TreeItem
      label={`Media ${media.name}`}
      text={
        <>
          Media {media.name} <span className="restore-tree-detail">{media.sessions === 1 ? '1 session' : `${media.sessions} sessions`}</span>
        </>
      }
      level={1}
      icon="media"
      expanded={expanded}
      selected={selected}
      onToggle={() => toggle(key)}
      onSelect={() => select({ kind: 'media', mediaId: media.id })}
    >
      <TreeListing listing={complete} level={2} empty="No complete session on this media.">
        {(list) => list.map((session) => <SessionTreeItem key={session.number} session={session} />)}
      </TreeListing>
    </TreeItem>
  );
}
