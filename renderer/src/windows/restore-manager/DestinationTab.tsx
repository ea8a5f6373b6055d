import { useState, type ReactElement } from 'react';
import { Field, inputProps } from '../../components/Field';
import { useRestore } from '../../store/restore';
import { BrowseHostDialog } from './BrowseHostDialog';
import { isAbsoluteFolder, originalTarget } from './restore-destination';

/** The Destination tab: the original location (Replica by default, or the Master), or a folder on a chosen machine. */
export function DestinationTab(): ReactElement {
  const form = useRestore((state) => state.destination);
  const errors = useRestore((state) => state.destinationErrors);
  const update = useRestore((state) => state.setDestination);
  const [browsing, setBrowsing] = useState(false);
  const host = form.host.trim();
  const to = originalTarget(form);
  return (
    <div className="destination-tab form" role="group" aria-label="Destination">
      <label className="checkbox">
        <input type="checkbox" checked={form.original} onChange={(event) => update({ original: event.target.checked })} />
        Restore to original location
      </label>
      <fieldset className="options-group" disabled={!form.original} aria-label="Original location">
        <label className="checkbox">
          <input type="radio" name="restore-to" checked={to === 'replica'} disabled={form.folderSource === true} onChange={() => update({ to: 'replica' })} />
          Restore to Replica
          <small className="muted">
            {form.folderSource ? '— not available: the marked items come from a folder source, which has no Replica' : '— production is not disturbed; send the data to the Master afterwards if needed'}
          </small>
        </label>
        <label className="checkbox">
          <input type="radio" name="restore-to" checked={to === 'master'} onChange={() => update({ to: 'master' })} />
          Restore to Master
          <small className="muted">
            {form.folderSource ? '— the folder on its host, where it was backed up from' : '— the scenario is stopped first so replication cannot overwrite the restored data'}
          </small>
        </label>
      </fieldset>
      {!form.original && (
        <fieldset className="options-group" aria-label="Alternate location">
          <legend>Alternate location</legend>
          <Field id="destination-host" label="Host" error={errors.host}>
            <input {...inputProps('destination-host', errors.host)} spellCheck={false} value={form.host} onChange={(event) => update({ host: event.target.value })} />
          </Field>
          <Field id="destination-folder" label="Folder" error={errors.folder} wide>
            <div className="field-with-button">
              <input
                {...inputProps('destination-folder', errors.folder)}
                spellCheck={false}
                placeholder="/srv/restore or D:\Restore"
                value={form.folder}
                onChange={(event) => update({ folder: event.target.value })}
              />
              <button type="button" disabled={host === ''} onClick={() => setBrowsing(true)}>
                Browse…
              </button>
            </div>
          </Field>
          <p className="muted">The Master&apos;s folders are recreated below this folder: /data/a.txt is restored as &lt;folder&gt;/data/a.txt.</p>
        </fieldset>
      )}
      {browsing && (
        <BrowseHostDialog
          host={host}
          initialPath={isAbsoluteFolder(form.folder.trim()) ? form.folder.trim() : '/'}
          onChoose={(folder) => {
            update({ folder });
            setBrowsing(false);
          }}
          onClose={() => setBrowsing(false)}
        />
      )}
    </div>
  );
}
