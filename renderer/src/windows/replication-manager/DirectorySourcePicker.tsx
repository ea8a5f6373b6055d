import type { ReactElement } from 'react';
import type { ReplicaProtection, Scenario } from '../../../../electron/api/contract';
import { parseSourceValue, sourceOptions, sourceValue, type DirectorySource } from './directory-source';

interface DirectorySourcePickerProps {
  scenario: Scenario;
  protections: readonly ReplicaProtection[];
  source: DirectorySource;
  onChange(source: DirectorySource): void;
}

/** "Show": the Master's live folders or a snapshot of a Replica. */
export function DirectorySourcePicker({ scenario, protections, source, onChange }: DirectorySourcePickerProps): ReactElement {
  const options = sourceOptions(scenario, protections);
  return (
    <label className="inline-field">
      Show
      <select aria-label="Directories source" value={sourceValue(source)} onChange={(event) => onChange(parseSourceValue(event.target.value))}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
