import type { KeyboardEvent, ReactElement, ReactNode } from 'react';
import { Icon, type IconName } from '../../components/Icon';
import { MarkBox, type MarkControl } from './MarkBox';

interface TreeItemProps {
  /** The node's accessible name (what tests and screen readers find it by). */
  label: string;
  /** What the row shows, when more than the name. */
  text?: ReactNode;
  level: number;
  icon: IconName;
  expanded: boolean | undefined;
  selected: boolean;
  onToggle(): void;
  onSelect(): void;
  mark?: MarkControl | undefined;
  /** The children, listed while expanded (role="group"). */
  children?: ReactNode;
}

const indent = (level: number): { paddingLeft: number } => ({ paddingLeft: 4 + (level - 1) * 18 });

/**
 * One node of a Source tree. A click chooses the node (its content and properties show) and
 * opens it; the chevron only opens or closes it; the check box marks it for restore.
 * Arrow Right/Left open and close, Enter and Space choose (Up/Down are handled by the tree).
 */
export function TreeItem({ label, text, level, icon, expanded, selected, onToggle, onSelect, mark, children }: TreeItemProps): ReactElement {
  const choose = (): void => {
    onSelect();
    if (expanded === false) onToggle();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>): void => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') choose();
    else if (event.key === 'ArrowRight' && expanded === false) onToggle();
    else if (event.key === 'ArrowLeft' && expanded === true) onToggle();
    else return;
    event.preventDefault();
  };
  return (
    <li role="treeitem" aria-level={level} aria-expanded={expanded} aria-selected={selected} aria-label={label} tabIndex={selected ? 0 : -1} data-treeitem onKeyDown={onKeyDown}>
      <div className={selected ? 'restore-tree-row selected' : 'restore-tree-row'} style={indent(level)} onClick={choose} title={label}>
        {expanded === undefined ? (
          <span className="chevron-space" />
        ) : (
          <button
            type="button"
            className="chevron-button"
            tabIndex={-1}
            aria-label={expanded ? `Collapse ${label}` : `Expand ${label}`}
            onClick={(event) => {
              event.stopPropagation();
              onToggle();
            }}
          >
            <Icon name="chevron" className="chevron" />
          </button>
        )}
        {mark && <MarkBox mark={mark} tabIndex={-1} />}
        <Icon name={icon} />
        <span className="restore-tree-label">{text ?? label}</span>
      </div>
      {expanded && children !== undefined && <ul role="group">{children}</ul>}
    </li>
  );
}

/** Up/Down move the focus between the visible nodes of a tree (its items carry data-treeitem). */
export function moveTreeFocus(event: KeyboardEvent<HTMLUListElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-treeitem]')];
  const index = items.findIndex((item) => item === document.activeElement);
  const next = items[event.key === 'ArrowDown' ? index + 1 : Math.max(0, index - 1)];
  if (!next) return;
  event.preventDefault();
  next.focus();
}
