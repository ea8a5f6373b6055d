import type { ReactElement, ReactNode } from 'react';
import { Icon, type IconName } from '../../components/Icon';

interface SourceRootProps {
  label: string;
  icon: IconName;
  /** How many of its sources are checked for the job. */
  checked: number;
  /** Tabbable when no source below it is (the tree's one tab stop). */
  tabbable: boolean;
  children: ReactNode;
}

/** A root of the Source tree ("Replication Scenarios", "Folders"): always open, its sources below. */
export function SourceRoot({ label, icon, checked, tabbable, children }: SourceRootProps): ReactElement {
  return (
    <li role="treeitem" aria-level={1} aria-expanded aria-selected={false} aria-label={label} tabIndex={tabbable ? 0 : -1} data-treeitem>
      <div className="restore-tree-row">
        <span className="chevron-space" />
        <Icon name={icon} />
        <span className="restore-tree-label">{label}</span>
        {checked > 0 && <span className="restore-tree-detail">{checked} checked</span>}
      </div>
      <ul role="group">{children}</ul>
    </li>
  );
}
