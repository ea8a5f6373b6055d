import { BrowserWindow, nativeTheme, screen } from 'electron';
import { IPC_WINDOW_COMMAND } from '../ipc-names';
import type { WindowCommand } from './desktop-bridge';
import type { PlacementStore } from './placement-store';
import { MIN_WINDOW, placeWindow, type Rect } from './window-geometry';
import { appWindow, type AppWindowId } from './window-routes';

export interface WindowManagerOptions {
  /** The built renderer's index.html; each window loads it with its route as the hash. */
  indexHtml: string;
  preload: string;
  placements: PlacementStore;
  /** A window opened, closed or took the focus (the Window menu lists them). */
  onChange(): void;
}

/** The page background before React paints (styles.css --bg), so a dark-mode window does not flash white. */
const BACKGROUND = { light: '#f3f4f6', dark: '#16181c' } as const;

/** The screens' work areas, the primary one first (window-geometry.ts places windows on them). */
function workAreas(): Rect[] {
  const primary = screen.getPrimaryDisplay();
  return [primary.workArea, ...screen.getAllDisplays().filter((display) => display.id !== primary.id).map((display) => display.workArea)];
}

/**
 * One BrowserWindow per window of the app (Replication Manager, Backup Manager, …): opening
 * one that is open focuses it; each opens where it was last (clamped onto a screen) and
 * remembers its bounds as it moves. Every window has the same locked-down page: preload
 * only, context isolation, sandbox, no window.open, no navigation away.
 */
export class WindowManager {
  private readonly windows = new Map<AppWindowId, BrowserWindow>();

  constructor(private readonly options: WindowManagerOptions) {}

  /** Opens the window, or restores and focuses it when it is open already. */
  show(id: AppWindowId): BrowserWindow {
    const open = this.windows.get(id);
    if (open && !open.isDestroyed()) {
      if (open.isMinimized()) open.restore();
      open.show();
      open.focus();
      return open;
    }
    return this.create(id);
  }

  /** The open windows, in the order they opened. */
  openIds(): AppWindowId[] {
    return [...this.windows.keys()];
  }

  focusedId(): AppWindowId | undefined {
    const focused = BrowserWindow.getFocusedWindow();
    return this.openIds().find((id) => this.windows.get(id) === focused);
  }

  /** Shows the window and hands its page a command once the page has loaded. */
  sendCommand(id: AppWindowId, command: WindowCommand): void {
    const window = this.show(id);
    const send = (): void => window.webContents.send(IPC_WINDOW_COMMAND, command);
    if (window.webContents.isLoading()) window.webContents.once('did-finish-load', send);
    else send();
  }

  private create(id: AppWindowId): BrowserWindow {
    const spec = appWindow(id);
    const { placements } = this.options;
    const placement = placeWindow({ saved: placements.get(id), size: spec, workAreas: workAreas(), cascade: this.windows.size });
    const window = new BrowserWindow({
      x: placement.x,
      y: placement.y,
      width: placement.width,
      height: placement.height,
      minWidth: MIN_WINDOW.width,
      minHeight: MIN_WINDOW.height,
      show: false,
      title: `Understudy — ${spec.title}`,
      backgroundColor: nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light,
      webPreferences: {
        preload: this.options.preload,
        contextIsolation: true,
        nodeIntegration: false,
        sandbox: true,
        webSecurity: true,
      },
    });
    this.windows.set(id, window);

    const remember = (): void => {
      if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
      placements.set(id, { ...window.getNormalBounds(), maximized: window.isMaximized() });
    };
    window.on('move', remember);
    window.on('resize', remember);
    window.on('maximize', remember);
    window.on('unmaximize', remember);
    window.on('close', () => {
      remember();
      void placements.flush();
    });
    window.on('closed', () => {
      this.windows.delete(id);
      this.options.onChange();
    });
    window.on('focus', () => this.options.onChange());

    window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    window.webContents.on('will-navigate', (event) => event.preventDefault());
    window.once('ready-to-show', () => {
      if (placement.maximized) window.maximize();
      window.show();
    });
    void window.loadFile(this.options.indexHtml, { hash: `/${id}` });
    this.options.onChange();
    return window;
  }
}
