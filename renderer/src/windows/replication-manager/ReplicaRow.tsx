import type { ReactElement } from 'react';
import type { LinkStatus, Scenario } from '../../../../electron/api/contract';
import { Icon } from '../../components/Icon';
import { formatBytes, formatLag } from './format';
import { HostIcon } from './HostIcon';
import { linkStateLabel } from './link-status';

interface ReplicaRowProps {
  replica: Scenario['replicas'][number];
  running: boolean;
  link: LinkStatus | undefined;
  selected: boolean;
  onSelect(replicaId: string): void;
}

/** One Replica in the Host pane: its live state, spool and lag; selecting it aims Suspend/Resume at it. */
export function ReplicaRow({ replica, running, link, selected, onSelect }: ReplicaRowProps): ReactElement {
  const state = !running ? 'Stopped' : link ? linkStateLabel(link.state) : 'Unknown';
  return (
    <li
      role="treeitem"
      aria-selected={selected}
      aria-label={`Replica ${replica.host}`}
      tabIndex={0}
      className={selected ? 'selected' : undefined}
      onClick={() => onSelect(replica.id)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onSelect(replica.id);
        }
      }}
    >
      <div className="host-row">
        <Icon name="arrow" />
        <HostIcon lost={link?.state === 'disconnected'} />
        <span className="host-name">{replica.host}</span>
        <span className={`host-state link-${link?.state ?? 'none'}`}>{state}</span>
      </div>
      <div className="host-figures">
        <span title="Target directory">{replica.target}</span>
        {link && (
          <>
            <span>Spool {formatBytes(link.spoolBytes)}</span>
            <span>Lag {formatLag(link.lagMs)}</span>
          </>
        )}
      </div>
    </li>
  );
}
