import type { ReactElement } from 'react';
import { Icon } from '../../components/Icon';
import { SOURCE_VIEWS, useRestore, type SourceView } from '../../store/restore';
import { QueryView } from './QueryView';
import { SessionView } from './SessionView';
import { TreeView } from './TreeView';

const VIEW_HINTS: Record<SourceView, string> = {
  Session: 'Media → sessions → content, as the backups wrote them.',
  Tree: 'Machines → volumes → folders as on the Master, latest version first.',
  Query: 'Find files and folders by name across every session.',
};

/** The Source tab: the three ways to find what to restore, and the marks they share. */
export function SourceTab(): ReactElement {
  const view = useRestore((state) => state.view);
  const showView = useRestore((state) => state.showView);
  const refresh = useRestore((state) => state.refresh);
  return (
    <div className="source-tab">
      <div className="source-header">
        <span className="inline-field">
          <label htmlFor="source-view">View</label>
          <select id="source-view" value={view} onChange={(event) => showView(event.target.value as SourceView)}>
            {SOURCE_VIEWS.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </span>
        <span className="muted">{VIEW_HINTS[view]}</span>
        <button type="button" onClick={refresh} title="Read the catalog again">
          <Icon name="sync" /> Refresh
        </button>
      </div>
      {view === 'Session' ? <SessionView /> : view === 'Tree' ? <TreeView /> : <QueryView />}
    </div>
  );
}
