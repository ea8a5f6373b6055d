import type { KeyboardEvent, ReactElement } from 'react';
import { Icon } from '../../components/Icon';
import { useBackupManager } from '../../store/backup-manager';
import type { BackupSource } from './backup-types';

/**
 * A folder source in the Source tree ("Folders"): checked for the job like a scenario (the label
 * turns solid green, in the same selection order); a click shows its properties. It has no
 * entities to open: the folder is its one volume. Space checks, Enter shows the properties.
 */
export function FolderSourceTreeItem({ source, tabbable }: { source: BackupSource; tabbable: boolean }): ReactElement {
  const checked = useBackupManager((state) => state.selected.includes(source.id));
  const focused = useBackupManager((state) => state.focused === source.id);
  const toggleSelected = useBackupManager((state) => state.toggleSelected);
  const focus = useBackupManager((state) => state.focus);
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>): void => {
    if (event.target !== event.currentTarget) return;
    if (event.key === ' ') toggleSelected(source.id);
    else if (event.key === 'Enter') focus(source.id);
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
      tabIndex={focused || tabbable ? 0 : -1}
      data-treeitem
      onKeyDown={onKeyDown}
    >
      <div className={`restore-tree-row indent-2${focused ? ' selected' : ''}`} onClick={() => focus(source.id)} title={source.name}>
        <span className="chevron-space" />
        <input type="checkbox" aria-label={`Back up ${source.name}`} checked={checked} tabIndex={-1} onClick={(event) => event.stopPropagation()} onChange={() => toggleSelected(source.id)} />
        <Icon name="folder" />
        <span className={checked ? 'restore-tree-label backup-chosen' : 'restore-tree-label'}>{source.name}</span>
        <span className="restore-tree-detail">read live</span>
      </div>
    </li>
  );
}
