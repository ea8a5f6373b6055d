import { describe, expect, it } from 'vitest';
import { APP_WINDOWS as DESKTOP_WINDOWS, FIRST_WINDOW, isAppWindowId } from '../../electron/windows/window-routes';
import { APP_WINDOWS as RENDERER_WINDOWS, DEFAULT_WINDOW } from '../../renderer/src/store/router';

describe('the window routes', () => {
  it('are the same in the main process and the renderer (ids, names, shortcuts)', () => {
    const desktop = DESKTOP_WINDOWS.map((window) => [window.id, window.title, window.accelerator.replace('CmdOrCtrl+', 'Ctrl+')]);
    const renderer = RENDERER_WINDOWS.map((window) => [window.id, window.name, window.shortcut]);
    expect(desktop).toEqual(renderer);
    expect(FIRST_WINDOW).toBe(DEFAULT_WINDOW);
  });

  it('accept only known window ids from a page', () => {
    expect(isAppWindowId('reports')).toBe(true);
    expect(['', 'settings', 'Reports', 42, null, { id: 'home' }].map(isAppWindowId)).toEqual([false, false, false, false, false, false]);
  });
});
