import { useEffect, type KeyboardEvent as ReactKeyboardEvent, type ReactElement } from 'react';
import { StatusBar } from '../components/StatusBar';
import { desktopWindows, useCurrentWindow } from '../store/current-window';
import { APP_WINDOWS, appWindow, neighbourWindow, windowForKey, type AppWindowId } from '../store/router';
import { BackupManager } from './backup-manager/BackupManager';
import { HomeView } from './home/HomeView';
import { JobStatusManager } from './job-status/JobStatusManager';
import { ReplicationManager } from './replication-manager/ReplicationManager';
import { Reports } from './reports/Reports';
import { RestoreManager } from './restore-manager/RestoreManager';

const VIEWS: Record<AppWindowId, () => ReactElement> = {
  home: HomeView,
  replication: ReplicationManager,
  backup: BackupManager,
  restore: RestoreManager,
  jobs: JobStatusManager,
  reports: Reports,
};

/** A modal dialog is open: switching windows would unmount it and lose what was typed. */
function dialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

/** The console's window shortcuts (the desktop app's View menu has the same ones): Alt+Home, Ctrl+1 … Ctrl+5. */
function useWindowShortcuts(enabled: boolean): void {
  const show = useCurrentWindow((state) => state.show);
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent): void => {
      const id = windowForKey(event);
      if (!id || dialogOpen()) return;
      event.preventDefault();
      show(id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, show]);
}

/**
 * A menu command for this window's page (desktop File → New scenario): carried out once the
 * window is on screen, by pressing the window's own shortcut, so the page decides as it
 * does for the key (e.g. not while another dialog is open).
 */
function usePendingCommand(shown: AppWindowId): void {
  const pending = useCurrentWindow((state) => state.pending);
  const take = useCurrentWindow((state) => state.take);
  useEffect(() => {
    if (pending !== 'new-scenario' || shown !== 'replication') return;
    take();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', code: 'KeyN', ctrlKey: true, bubbles: true, cancelable: true }));
  }, [pending, shown, take]);
}

function WindowTabs({ shown }: { shown: AppWindowId }): ReactElement {
  const show = useCurrentWindow((state) => state.show);
  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>): void => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : undefined;
    if (!step) return;
    event.preventDefault();
    const next = neighbourWindow(shown, step);
    show(next);
    document.getElementById(`window-tab-${next}`)?.focus();
  };
  return (
    <div role="tablist" aria-label="Windows" className="tabs window-tabs" onKeyDown={onKeyDown}>
      {APP_WINDOWS.map(({ id, name, shortcut }) => (
        <button
          key={id}
          type="button"
          role="tab"
          id={`window-tab-${id}`}
          aria-selected={shown === id}
          aria-controls="window-panel"
          tabIndex={shown === id ? 0 : -1}
          title={`${name} (${shortcut})`}
          onClick={() => show(id)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}

/**
 * The app's windows. In the desktop app each is its own BrowserWindow showing one route
 * (`index.html#/backup`), with no tabs; the console host serves one page, so there they are
 * tabs whose route is the URL's hash (reload and Back keep them). Only the shown window is
 * mounted, so one window's keyboard shortcuts (Ctrl+N, Delete in the Replication Manager)
 * never act from another; their stores keep what each showed.
 */
export function AppWindows(): ReactElement {
  const shown = useCurrentWindow((state) => state.shown);
  const desktop = desktopWindows !== undefined;
  useWindowShortcuts(!desktop);
  usePendingCommand(shown);
  useEffect(() => {
    document.title = `Understudy — ${appWindow(shown).name}`;
  }, [shown]);
  const View = VIEWS[shown];

  return (
    <div className="app-shell">
      {!desktop && <WindowTabs shown={shown} />}
      {desktop ? (
        <div className="window-panel">
          <View />
        </div>
      ) : (
        <div role="tabpanel" id="window-panel" aria-labelledby={`window-tab-${shown}`} className="window-panel">
          <View />
        </div>
      )}
      <StatusBar />
    </div>
  );
}
