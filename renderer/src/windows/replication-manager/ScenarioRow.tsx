import { memo, type ReactElement } from 'react';
import type { Scenario } from '../../../../electron/api/contract';
import { useShallow } from 'zustand/react/shallow';
import { Icon } from '../../components/Icon';
import { useLive } from '../../store/live';
import { statusView } from './scenario-status';

interface ScenarioRowProps {
  scenario: Scenario;
  selected: boolean;
  onSelect(id: string): void;
}

/** One scenario with its state; only this row re-renders, and only when its state or tooltip changes. */
export const ScenarioRow = memo(function ScenarioRow({ scenario, selected, onSelect }: ScenarioRowProps): ReactElement {
  // Only the derived state: new lag or spool figures alone do not re-render the row.
  const status = useLive(useShallow((state) => statusView(scenario.status, state.byId[scenario.id])));
  const classes = [selected && 'selected', status.shaded && 'shaded', `row-${status.tone}`].filter(Boolean).join(' ');
  return (
    <tr
      aria-selected={selected}
      className={classes}
      title={status.detail}
      tabIndex={0}
      onClick={() => onSelect(scenario.id)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') onSelect(scenario.id);
      }}
    >
      <td>
        <Icon name={status.icon} className={`tone-${status.tone}`} title={status.label} /> {scenario.name}
      </td>
      <td>{status.label}</td>
      <td>{scenario.type}</td>
      <td>{scenario.master.host}</td>
    </tr>
  );
});
