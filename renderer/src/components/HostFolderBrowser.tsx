import { useState, type ReactElement } from 'react';
import { childPath } from '../windows/replication-manager/directory-paths';
import { Dialog } from './Dialog';
import { DialogButtons } from './DialogButtons';
import { ErrorBanner } from './ErrorBanner';
import { isAbsoluteFolder, parentFolder } from './host-folder-paths';
import { Icon } from './Icon';
import { SubmitForm } from './SubmitForm';
import { useEngineLogin } from './use-engine-login';
import { useHostFolders, type BrowseCredentials } from './use-host-folders';

interface HostFolderBrowserProps {
  host: string;
  initialPath: string;
  /** A user name to offer when the host's engine asks for credentials (never a password). */
  knownUser?: string;
  /** The chosen folder, and the credentials its engine accepted when they had to be typed here. */
  onChoose(folder: string, credentials: BrowseCredentials | undefined): void;
  onClose(): void;
}

/** The engine's answer when it holds no credentials for the host, or the host refused those given. */
const NEEDS_CREDENTIALS = 'AE0459';

/**
 * "Browse folders on <host>": lists the folders of a host's engine one level at a time
 * (restore.browse-host). It first asks without credentials — this machine's engine, or one
 * whose credentials the manager stores, answers — and shows the engine administrator's fields
 * only when the engine refuses (AE0459). Typed credentials live in this dialog's state and go
 * with each listing; the caller gets them with the chosen folder.
 */
export function HostFolderBrowser({ host, initialPath, knownUser = '', onChoose, onClose }: HostFolderBrowserProps): ReactElement {
  const [path, setPath] = useState(initialPath);
  const [typed, setTyped] = useState(initialPath);
  const engineLogin = useEngineLogin(knownUser);
  /** The credentials sent with the listings since Connect, and how many times Connect was pressed (each press asks again). */
  const [sent, setSent] = useState<{ credentials: BrowseCredentials | undefined; attempt: number }>({ credentials: undefined, attempt: 0 });
  const listing = useHostFolders(host, path, sent.credentials, sent.attempt);
  // Once typed, the fields stay while the listing is asked again.
  const asking = (listing.state === 'failed' && listing.error.code === NEEDS_CREDENTIALS) || sent.attempt > 0;
  const folders = listing.state === 'loaded' ? listing.value.entries.filter((entry) => entry.kind === 'directory') : [];
  const parent = parentFolder(path);
  const go = (next: string): void => {
    setPath(next);
    setTyped(next);
  };
  const connect = (): void => {
    const credentials = engineLogin.checked(host);
    if (credentials) setSent((current) => ({ credentials, attempt: current.attempt + 1 }));
  };

  return (
    <Dialog
      title={`Browse folders on ${host}`}
      onClose={onClose}
      footer={<DialogButtons confirmLabel="Choose this folder" disabled={listing.state !== 'loaded'} onCancel={onClose} onConfirm={() => onChoose(path, sent.credentials)} />}
    >
      {asking && (
        <SubmitForm className="form browse-login" aria-label="Engine credentials" autoComplete="off" error={undefined} onSubmit={connect}>
          {engineLogin.fieldset('browse-cred', host)}
          <button type="submit">Connect</button>
        </SubmitForm>
      )}
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
