import { useState, type ReactElement } from 'react';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Icon } from '../../components/Icon';
import { childPath } from '../replication-manager/directory-paths';
import { isAbsoluteFolder, parentFolder } from './restore-destination';
import { useInvoke } from './use-invoke';

interface BrowseHostDialogProps {
  host: string;
  initialPath: string;
  onChoose(folder: string): void;
  onClose(): void;
}

/** The alternate-location folder browser: lists folders on the machine's engine (restore.browse-host), one level at a time. */
export function BrowseHostDialog({ host, initialPath, onChoose, onClose }: BrowseHostDialogProps): ReactElement {
  const [path, setPath] = useState(initialPath);
  const [typed, setTyped] = useState(initialPath);
  const listing = useInvoke('restore.browse-host', { host, path });
  const folders = listing.state === 'loaded' ? listing.value.entries.filter((entry) => entry.kind === 'directory') : [];
  const parent = parentFolder(path);
  const go = (next: string): void => {
    setPath(next);
    setTyped(next);
  };
  return (
    <Dialog title={`Browse folders on ${host}`} onClose={onClose} footer={<DialogButtons confirmLabel="Choose this folder" disabled={listing.state !== 'loaded'} onCancel={onClose} onConfirm={() => onChoose(path)} />}>
      <form
        className="browse-path"
        aria-label="Go to folder"
        onSubmit={(event) => {
          event.preventDefault();
          if (isAbsoluteFolder(typed.trim())) go(typed.trim());
        }}
      >
        <button type="button" disabled={parent === undefined} onClick={() => parent !== undefined && go(parent)}>
          Up
        </button>
        <input aria-label="Folder to list" spellCheck={false} value={typed} onChange={(event) => setTyped(event.target.value)} />
        <button type="submit">Go</button>
      </form>
      {listing.state === 'failed' && <ErrorBanner error={listing.error} />}
      {listing.state === 'loading' && <p className="empty">Listing {path}…</p>}
      {listing.state === 'loaded' && folders.length === 0 && <p className="empty">No folders in {path}.</p>}
      {folders.length > 0 && (
        <ul className="browse-list" aria-label={`Folders in ${path}`}>
          {folders.map((entry) => (
            <li key={entry.name}>
              <button type="button" className="link" aria-label={`Open ${entry.name}`} onClick={() => go(childPath(path, entry.name))}>
                <Icon name="folder" /> {entry.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {listing.state === 'loaded' && listing.value.truncated && <p className="note">Only the first folders are listed: type a path to go further.</p>}
    </Dialog>
  );
}
