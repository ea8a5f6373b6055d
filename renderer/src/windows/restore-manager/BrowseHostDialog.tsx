import type { ReactElement } from 'react';
import { HostFolderBrowser } from '../../components/HostFolderBrowser';
import { useRestore } from '../../store/restore';

interface BrowseHostDialogProps {
  host: string;
  initialPath: string;
  onChoose(folder: string): void;
  onClose(): void;
}

/**
 * The alternate-location folder browser (components/HostFolderBrowser): the user name that
 * browsed a host is remembered for the Security dialog; the password never is.
 */
export function BrowseHostDialog({ host, initialPath, onChoose, onClose }: BrowseHostDialogProps): ReactElement {
  const rememberUser = useRestore((state) => state.rememberUser);
  const knownUser = useRestore((state) => state.hostUsers[host] ?? '');
  return (
    <HostFolderBrowser
      host={host}
      initialPath={initialPath}
      knownUser={knownUser}
      onChoose={(folder, credentials) => {
        if (credentials) rememberUser(host, credentials.user);
        onChoose(folder);
      }}
      onClose={onClose}
    />
  );
}
