import type { ReactElement } from 'react';
import { Icon } from '../../components/Icon';

/** A host's icon; a red X over it when the connection to the host is lost. */
export function HostIcon({ lost }: { lost: boolean }): ReactElement {
  return (
    <span className="host-icon">
      <Icon name="host" />
      {lost && <Icon name="cross" className="host-lost" title="Connection lost" />}
    </span>
  );
}
