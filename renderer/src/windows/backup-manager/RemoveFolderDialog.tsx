import type { ReactElement } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useBackupManager } from '../../store/backup-manager';
import type { BackupSource } from './backup-types';
import { folderOf } from './folder-source-form';

/** Remove (a folder source): asks first; the folder itself and its backup sessions are left as they are. */
export function RemoveFolderDialog({ source, onClose }: { source: BackupSource; onClose(): void }): ReactElement {
  const removeSource = useBackupManager((state) => state.removeSource);
  const { host, folder } = folderOf(source);
  return (
    <ConfirmDialog title="Remove folder source" confirmLabel="Remove" action={() => removeSource(source.id)} onClose={onClose}>
      <p>
        Remove <strong>{folder}</strong> on <strong>{host}</strong> from the Backup Manager&apos;s sources?
      </p>
      <p>
        The folder on {host} is not touched, and the sessions already backed up from it stay in the catalog: they can still be restored from the Restore
        Manager. New jobs can no longer back it up.
      </p>
    </ConfirmDialog>
  );
}
