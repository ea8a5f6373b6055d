import type { KeyboardEvent, ReactElement } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Icon } from '../../components/Icon';
import { useBackupManager } from '../../store/backup-manager';
import type { BackupSource, SourceEntity } from './backup-types';

/**
 * A registered scenario in the Source tree. Its check box puts it in the job (the label turns
 * solid green, aria-checked says so); a click shows its properties; the chevron (or Arrow
 * Right) opens it to list its entities, which can be seen but not chosen: a backup always
 * takes the whole scenario. Space checks, Enter shows the properties.
 */
export function ScenarioTreeItem({ source, first }: { source: BackupSource; first: boolean }): ReactElement {
  const checked = useBackupManager((state) => state.selected.includes(source.id));
  const focused = useBackupManager((state) => state.focused === source.id);
  const anyFocused = useBackupManager((state) => state.focused !== undefined);
  const expansion = useBackupManager((state) => state.expansions[source.id]);
  const error = useBackupManager((state) => state.expandErrors[source.id]);
  const toggleSelected = useBackupManager((state) => state.toggleSelected);
  const focus = useBackupManager((state) => state.focus);
  const expand = useBackupManager((state) => state.expand);
  const collapse = useBackupManager((state) => state.collapse);
  const open = expansion?.state === 'open';
  const toggleOpen = (): void => {
    if (expansion === undefined) void expand(source.id);
    else if (open) collapse(source.id);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>): void => {
    if (event.target !== event.currentTarget) return;
    if (event.key === ' ') toggleSelected(source.id);
    else if (event.key === 'Enter') focus(source.id);
    else if (event.key === 'ArrowRight' && !open) toggleOpen();
    else if (event.key === 'ArrowLeft' && open) toggleOpen();
    else return;
    event.preventDefault();
  };
  return (
    <li
      role="treeitem"
      aria-level={2}
      aria-label={source.name}
      aria-checked={checked}
      aria-selected={focused}
      aria-expanded={open}
      aria-busy={expansion?.state === 'opening' || undefined}
      tabIndex={focused || (!anyFocused && first) ? 0 : -1}
      data-treeitem
      onKeyDown={onKeyDown}
    >
      <div className={`restore-tree-row indent-2${focused ? ' selected' : ''}`} onClick={() => focus(source.id)} title={source.name}>
        <button
          type="button"
          className="chevron-button"
          tabIndex={-1}
          aria-label={open ? `Collapse ${source.name}` : `Expand ${source.name}`}
          disabled={expansion?.state === 'opening'}
          onClick={(event) => {
            event.stopPropagation();
            toggleOpen();
          }}
        >
          <Icon name="chevron" className="chevron" />
        </button>
        <input type="checkbox" aria-label={`Back up ${source.name}`} checked={checked} tabIndex={-1} onClick={(event) => event.stopPropagation()} onChange={() => toggleSelected(source.id)} />
        <Icon name="sync" />
        <span className={checked ? 'restore-tree-label backup-chosen' : 'restore-tree-label'}>{source.name}</span>
        <span className="restore-tree-detail">{source.type}</span>
        {expansion?.state === 'opening' && <span className="restore-tree-detail">connecting to the Replica agent…</span>}
      </div>
      {error && (
        <div className="indent-3">
          <ErrorBanner error={error} />
        </div>
      )}
      {open && (
        <ul role="group">
          {expansion.entities.length === 0 ? (
            <li role="none" className="restore-tree-note indent-3">
              No entities registered: run the scenario again to discover them.
            </li>
          ) : (
            expansion.entities.map((entity) => <EntityTreeItem key={entity.name} entity={entity} />)
          )}
        </ul>
      )}
    </li>
  );
}

/** An entity of an open scenario: shown with the Master paths it covers, never checked on its own. */
function EntityTreeItem({ entity }: { entity: SourceEntity }): ReactElement {
  return (
    <li role="treeitem" aria-level={3} aria-label={entity.name} aria-disabled aria-selected={false} tabIndex={-1} data-treeitem title="Entities are backed up with their whole scenario">
      <div className="restore-tree-row indent-3 backup-entity">
        <span className="chevron-space" />
        <Icon name="volume" />
        <span className="restore-tree-label">{entity.name}</span>
        <span className="restore-tree-detail">{entity.masterPaths.join(', ')}</span>
      </div>
    </li>
  );
}
