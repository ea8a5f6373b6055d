import type { ReactElement } from 'react';
import { Icon } from '../../components/Icon';

interface ToolbarProps {
  canRemove: boolean;
  onNew(): void;
  onRemove(): void;
}

/** The scenario actions that exist so far; each later capability adds its button here. */
export function Toolbar({ canRemove, onNew, onRemove }: ToolbarProps): ReactElement {
  return (
    <div role="toolbar" aria-label="Scenario actions" className="toolbar">
      <button type="button" onClick={onNew} title="Create a new scenario (Ctrl+N)">
        <Icon name="plus" /> New
      </button>
      <button type="button" onClick={onRemove} disabled={!canRemove} title="Remove the selected scenario (Delete)">
        <Icon name="trash" /> Remove
      </button>
    </div>
  );
}
