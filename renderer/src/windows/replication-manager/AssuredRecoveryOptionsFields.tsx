import type { ReactElement } from 'react';
import { OptionTextField, type OptionFieldsProps } from './OptionTextField';

/**
 * The Assured Recovery group: the commands a test runs on the Replica host (each must exit 0),
 * its time limit and a daily schedule. Kept but not editable while the test is off.
 */
export function AssuredRecoveryOptionsFields(props: OptionFieldsProps): ReactElement {
  const { form, update } = props;
  return (
    <fieldset className="options-group">
      <legend>Assured Recovery</legend>
      <label className="checkbox">
        <input type="checkbox" checked={form.arEnabled} onChange={(event) => update({ arEnabled: event.target.checked })} />
        Assured Recovery (integrity testing of the Replica)
      </label>
      <fieldset className="options-subgroup" disabled={!form.arEnabled} aria-label="Assured Recovery test">
        <OptionTextField {...props} control="arStartCommand" label="Start command (starts the application on the Replica)" numeric={false} wide />
        <OptionTextField {...props} control="arVerifyCommand" label="Verify command (checks the application)" numeric={false} wide />
        <OptionTextField {...props} control="arStopCommand" label="Stop command (stops the application)" numeric={false} wide />
        <OptionTextField {...props} control="arTimeoutSeconds" label="Timeout per command (seconds)" />
        <OptionTextField {...props} control="arScheduleTime" label="Daily test at (HH:MM, empty = none)" placeholder="Not scheduled" numeric={false} />
      </fieldset>
    </fieldset>
  );
}
