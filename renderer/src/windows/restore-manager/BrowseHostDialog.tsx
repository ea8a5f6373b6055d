import { useState, type ReactElement } from 'react';
import { api } from '../../api/api';
import { CredentialsFieldset } from '../../components/CredentialsFieldset';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Icon } from '../../components/Icon';
import { SubmitForm } from '../../components/SubmitForm';
import { useRestore } from '../../store/restore';
import { checkCredentials, rowErrors, type CredentialsErrors, type CredentialsRow } from '../replication-manager/credentials-form';
import { childPath } from '../replication-manager/directory-paths';
import { isAbsoluteFolder, parentFolder } from './restore-destination';
import { isThisMachine } from './restore-spec';
import type { HostCredentials } from './restore-types';
import { useAnswer, useInvoke } from './use-invoke';

interface BrowseHostDialogProps {
  host: string;
  initialPath: string;
  onChoose(folder: string): void;
  onClose(): void;
}

/** The engine's answer when it holds no credentials for the host, or the host refused those given. */
const NEEDS_CREDENTIALS = 'AE0459';

/**
 * The alternate-location folder browser: lists folders on the machine's engine
 * (restore.browse-host), one level at a time. Another machine's engine asks for its
 * administrator's credentials: they live in this dialog's state only and go with each listing.
 */
export function BrowseHostDialog({ host, initialPath, onChoose, onClose }: BrowseHostDialogProps): ReactElement {
  const rememberUser = useRestore((state) => state.rememberUser);
  const knownUser = useRestore((state) => state.hostUsers[host] ?? '');
  const info = useInvoke('app.info', {});
  const [path, setPath] = useState(initialPath);
  const [typed, setTyped] = useState(initialPath);
  const [login, setLogin] = useState<CredentialsRow>({ user: knownUser, password: '' });
  const [loginErrors, setLoginErrors] = useState<CredentialsErrors>({});
  /** The credentials sent with the listings since Connect, and how many times Connect was pressed (each press asks again). */
  const [sent, setSent] = useState<{ credentials: HostCredentials | undefined; attempt: number }>({ credentials: undefined, attempt: 0 });
  const listing = useAnswer(
    { host, path, ...(sent.credentials ? { credentials: [sent.credentials] } : {}) },
    // The question names the folder and the attempt, never the password.
    (request) => `${request.host} ${request.path} ${sent.attempt}`,
    (request) => api.invoke('restore.browse-host', request),
  );
  const refused = listing.state === 'failed' && listing.error.code === NEEDS_CREDENTIALS;
  const asking = refused || !isThisMachine(host, info.state === 'loaded' ? info.value.hostName : undefined);
  const folders = listing.state === 'loaded' ? listing.value.entries.filter((entry) => entry.kind === 'directory') : [];
  const parent = parentFolder(path);
  const go = (next: string): void => {
    setPath(next);
    setTyped(next);
  };
  const connect = (): void => {
    const errors = checkCredentials([login]);
    setLoginErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setSent((current) => ({ credentials: { host, user: login.user.trim(), password: login.password }, attempt: current.attempt + 1 }));
  };
  const choose = (): void => {
    if (sent.credentials) rememberUser(host, sent.credentials.user);
    onChoose(path);
  };

  return (
    <Dialog title={`Browse folders on ${host}`} onClose={onClose} footer={<DialogButtons confirmLabel="Choose this folder" disabled={listing.state !== 'loaded'} onCancel={onClose} onConfirm={choose} />}>
      {asking && (
        <SubmitForm className="form browse-login" aria-label="Engine credentials" autoComplete="off" error={undefined} onSubmit={connect}>
          <CredentialsFieldset
            id="browse-cred"
            legend={`Engine administrator on ${host}`}
            userLabel={`User for ${host}`}
            passwordLabel={`Password for ${host}`}
            value={login}
            errors={rowErrors(loginErrors, 0)}
            onChange={(patch) => setLogin((current) => ({ ...current, ...patch }))}
          />
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
