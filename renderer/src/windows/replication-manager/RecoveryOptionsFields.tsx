import type { ReactElement } from 'react';
import { OptionTextField, type OptionFieldsProps } from './OptionTextField';

/** The Recovery group: Data Rewind and its journal's limits, how many snapshots are kept, and how a restore learns the application runs. */
export function RecoveryOptionsFields(props: OptionFieldsProps): ReactElement {
  const { form, update } = props;
  return (
    <fieldset className="options-group">
      <legend>Recovery</legend>
      <label className="checkbox">
        <input type="checkbox" checked={form.dataRewind} onChange={(event) => update({ dataRewind: event.target.checked })} />
        Data Rewind (journal every change applied to the Replicas so it can be rolled back)
      </label>
      <OptionTextField {...props} control="rewindRetentionHours" label="Rewind retention period (hours)" />
      <OptionTextField {...props} control="rewindMaxMb" label="Maximum journal size (MB)" />
      <OptionTextField {...props} control="snapshotsToKeep" label="Number of snapshots to keep" />
      <OptionTextField
        {...props}
        control="appRunningCommand"
        label="Application running check before a restore (exit code 0 = running; restored files then wait as .TMP)"
        numeric={false}
        wide
      />
    </fieldset>
  );
}
