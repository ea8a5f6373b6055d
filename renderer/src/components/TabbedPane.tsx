import type { ReactElement, ReactNode } from 'react';

interface TabbedPaneProps<T extends string> {
  /** The tab list's accessible name ("Backup", "Restore"); also prefixes the element ids. */
  label: string;
  tabs: readonly T[];
  selected: T;
  onSelect(tab: T): void;
  panelClassName: string;
  children: ReactNode;
}

/** A row of tabs over one panel showing the selected tab's content (the managers' job-setup panes). */
export function TabbedPane<T extends string>({ label, tabs, selected, onSelect, panelClassName, children }: TabbedPaneProps<T>): ReactElement {
  const prefix = label.toLowerCase();
  return (
    <>
      <div role="tablist" aria-label={label} className="tabs">
        {tabs.map((name) => (
          <button key={name} role="tab" id={`${prefix}-tab-${name}`} aria-selected={selected === name} aria-controls={`${prefix}-panel`} onClick={() => onSelect(name)}>
            {name}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${prefix}-panel`} aria-labelledby={`${prefix}-tab-${selected}`} className={`tab-panel ${panelClassName}`}>
        {children}
      </div>
    </>
  );
}
