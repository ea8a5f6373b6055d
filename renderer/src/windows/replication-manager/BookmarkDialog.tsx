import { useState, type ReactElement } from 'react';
import type { ChannelResponse, ErrorInfo, Scenario } from '../../../../electron/api/contract';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { Field, inputProps } from '../../components/Field';
import { SubmitForm } from '../../components/SubmitForm';
import { useProtection } from '../../store/protection';
import { defaultBookmarkName } from './rewind-points';

/** Set rewind bookmark: a named rewind point on every Replica of the running scenario (default name: the date and time). */
export function BookmarkDialog({ scenario, onClose }: { scenario: Scenario; onClose(): void }): ReactElement {
  const setBookmark = useProtection((state) => state.setBookmark);
  const [name, setName] = useState(() => defaultBookmarkName(new Date()));
  const [error, setError] = useState<ErrorInfo | undefined>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ChannelResponse<'rewind.bookmark'> | undefined>();
  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    // Left empty, the engine names it by the date and time it is set.
    const result = await setBookmark(scenario.id, name.trim() === '' ? undefined : name.trim());
    setBusy(false);
    if (result.ok) setDone(result.value);
    else setError(result.error);
  };
  const footer = done ? (
    <button type="button" className="primary" onClick={onClose} autoFocus>
      Close
    </button>
  ) : (
    <DialogButtons confirmLabel="Set bookmark" form="bookmark-form" busy={busy} onCancel={onClose} />
  );
  return (
    <Dialog title="Set rewind bookmark" onClose={onClose} footer={footer}>
      {done ? (
        <p aria-live="polite">
          Bookmark &quot;{done.name}&quot; set on {done.replicas} {done.replicas === 1 ? 'Replica' : 'Replicas'}.
        </p>
      ) : (
        <SubmitForm id="bookmark-form" error={error} onSubmit={submit}>
          <p>
            Marks the current state of every Replica of <strong>{scenario.name}</strong>, so Rewind can return to it by name — for example before an update
            or a risky change.
          </p>
          <Field id="bookmark-name" label="Bookmark name" error={error?.fields?.name}>
            <input {...inputProps('bookmark-name', error?.fields?.name)} value={name} maxLength={200} autoFocus onChange={(event) => setName(event.target.value)} />
          </Field>
        </SubmitForm>
      )}
    </Dialog>
  );
}
