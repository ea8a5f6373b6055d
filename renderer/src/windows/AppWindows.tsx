import { useState, type ReactElement } from 'react';
import { JobStatusManager } from './job-status/JobStatusManager';
import { ReplicationManager } from './replication-manager/ReplicationManager';
import { StatusBar } from './replication-manager/StatusBar';
import { RestoreManager } from './restore-manager/RestoreManager';

const WINDOWS = ['Replication Manager', 'Restore Manager', 'Job Status Manager'] as const;
type WindowName = (typeof WINDOWS)[number];

/**
 * The app's windows as tabs of one page (the console host serves one page; the desktop app
 * shows the same). Only the shown window is mounted, so one window's keyboard shortcuts
 * (Ctrl+N, Delete in the Replication Manager) never act from the other; their stores keep
 * what each showed.
 */
export function AppWindows(): ReactElement {
  const [shown, setShown] = useState<WindowName>('Replication Manager');
  return (
    <div className="app-shell">
      <div role="tablist" aria-label="Windows" className="tabs window-tabs">
        {WINDOWS.map((name) => (
          <button key={name} role="tab" id={`window-tab-${name}`} aria-selected={shown === name} aria-controls="window-panel" onClick={() => setShown(name)}>
            {name}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="window-panel" aria-labelledby={`window-tab-${shown}`} className="window-panel">
        {shown === 'Replication Manager' && <ReplicationManager />}
        {shown === 'Restore Manager' && <RestoreManager />}
        {shown === 'Job Status Manager' && <JobStatusManager />}
      </div>
      <StatusBar />
    </div>
  );
}
