import type { ReactElement } from 'react';
import { useRestore } from '../../store/restore';

/** The Options tab: the global option for restores to an original location. */
export function OptionsTab(): ReactElement {
  const options = useRestore((state) => state.options);
  const update = useRestore((state) => state.setOptions);
  return (
    <div className="options-tab form" role="group" aria-label="Options">
      <label className="checkbox">
        <input type="checkbox" checked={options.continueIfNotStopped} onChange={(event) => update({ continueIfNotStopped: event.target.checked })} />
        Continue the restore job even when the scenario cannot be stopped
      </label>
      <p className="muted">
        A restore to an original location first stops the scenario&apos;s replication, so the Master cannot overwrite what is restored. If it cannot be
        stopped the job fails (AE0464) unless this option is set — the Master may then overwrite restored data.
      </p>
    </div>
  );
}
