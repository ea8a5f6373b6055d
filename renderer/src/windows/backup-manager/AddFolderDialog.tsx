import { useState, type ReactElement } from 'react';
import type { ErrorInfo } from '../../../../electron/api/contract';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { Field, inputProps } from '../../components/Field';
import { HostFolderBrowser } from '../../components/HostFolderBrowser';
import { isAbsoluteFolder } from '../../components/host-folder-paths';
import { SubmitForm } from '../../components/SubmitForm';
import { useBackupManager } from '../../store/backup-manager';
import { useEngineLogin } from '../../components/use-engine-login';
import { asksForCredentials, DEFAULT_FOLDER_FORM, parseFolderForm, type FolderErrors, type FolderForm } from './folder-source-form';

/**
 * Source → Folders → Add folder…: a host (this machine by default) and an absolute folder on it,
 * typed or chosen with Browse…. It is first added without credentials — this machine's engine,
 * or one whose credentials the manager stores, needs none — and the engine administrator's
 * fields appear when the host's engine refuses (AE0459). The folder must exist there (E3389).
 */
export function AddFolderDialog({ onClose }: { onClose(): void }): ReactElement {
  const addFolder = useBackupManager((state) => state.addFolder);
  const [form, setForm] = useState<FolderForm>(DEFAULT_FOLDER_FORM);
  const [errors, setErrors] = useState<FolderErrors>({});
  /** Shown once the host's engine asked for credentials (or Browse… was given some). */
  const [asking, setAsking] = useState(false);
  const engineLogin = useEngineLogin();
  const { login, setLogin } = engineLogin;
  const [error, setError] = useState<ErrorInfo | undefined>();
  const [busy, setBusy] = useState(false);
  const [browsing, setBrowsing] = useState(false);
  const host = form.host.trim();
  const update = (patch: Partial<FolderForm>): void => {
    // Another host: try it without credentials again.
    if (patch.host !== undefined && patch.host.trim() !== host) {
      setAsking(false);
      setLogin({ user: '', password: '' });
    }
    setForm((current) => ({ ...current, ...patch }));
    setErrors({});
  };

  const submit = async (): Promise<void> => {
    const parsed = parseFolderForm(form);
    const typed = asking ? engineLogin.checked(host) : undefined;
    setErrors(parsed.ok ? {} : parsed.errors);
    if (!parsed.ok || (asking && !typed)) return;
    setBusy(true);
    setError(undefined);
    const result = await addFolder(parsed.draft, typed ? [{ ...typed, host: parsed.draft.host }] : []);
    setBusy(false);
    if (result.ok) return onClose();
    setError(result.error);
    if (asksForCredentials(result.error)) {
      setAsking(true);
      // A refused password is typed again, not kept.
      setLogin((current) => ({ ...current, password: '' }));
    }
  };

  return (
    <Dialog title="Add folder" onClose={onClose} footer={<DialogButtons confirmLabel="Add" form="add-folder-form" busy={busy} onCancel={onClose} />}>
      <SubmitForm id="add-folder-form" autoComplete="off" error={error} onSubmit={submit}>
        <p className="muted">The folder is read live through its host&apos;s engine when a job runs: no Replica, no snapshot.</p>
        <Field id="folder-host" label="Host" error={errors.host}>
          <input {...inputProps('folder-host', errors.host)} spellCheck={false} autoFocus value={form.host} onChange={(event) => update({ host: event.target.value })} />
        </Field>
        <Field id="folder-path" label="Folder" error={errors.path} wide>
          <div className="field-with-button">
            <input {...inputProps('folder-path', errors.path)} spellCheck={false} placeholder="/srv/shares or D:\Shares" value={form.path} onChange={(event) => update({ path: event.target.value })} />
            <button type="button" disabled={host === ''} onClick={() => setBrowsing(true)}>
              Browse…
            </button>
          </div>
        </Field>
        {asking && engineLogin.fieldset('folder-cred', host)}
      </SubmitForm>
      {browsing && (
        <HostFolderBrowser
          host={host}
          initialPath={isAbsoluteFolder(form.path.trim()) ? form.path.trim() : '/'}
          knownUser={login.user}
          onChoose={(folder, credentials) => {
            update({ path: folder });
            if (credentials) {
              setAsking(true);
              setLogin({ user: credentials.user, password: credentials.password });
            }
            setBrowsing(false);
          }}
          onClose={() => setBrowsing(false)}
        />
      )}
    </Dialog>
  );
}
