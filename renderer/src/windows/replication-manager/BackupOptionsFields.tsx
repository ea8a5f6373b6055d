import type { ReactElement } from 'react';
import { OptionTextField, type OptionFieldsProps } from './OptionTextField';

/**
 * The Backup group: whether running the scenario registers it with a backup server, which
 * one, and whether a backup may suspend the Replica for a moment when Assured Recovery is off.
 */
export function BackupOptionsFields(props: OptionFieldsProps): ReactElement {
  const { form, update } = props;
  return (
    <fieldset className="options-group">
      <legend>Backup</legend>
      <label className="checkbox">
        <input type="checkbox" checked={form.backupEnabled} onChange={(event) => update({ backupEnabled: event.target.checked })} />
        Back up this scenario from its Replica
      </label>
      <fieldset className="options-subgroup" disabled={!form.backupEnabled} aria-label="Backup of the scenario">
        <OptionTextField {...props} control="backupServer" label="Backup server (empty = this host)" placeholder="This host" numeric={false} />
        <label className="checkbox">
          <input type="checkbox" checked={form.backupAllowSuspend} onChange={(event) => update({ backupAllowSuspend: event.target.checked })} />
          Without Assured Recovery, suspend the Replica while its snapshot is taken
        </label>
      </fieldset>
    </fieldset>
  );
}
