import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate, type MenuActions } from '../../electron/windows/app-menu';

function actions(): MenuActions {
  return { showWindow: vi.fn(), newScenario: vi.fn(), reload: vi.fn(), about: vi.fn(), openDataFolder: vi.fn(), quit: vi.fn() };
}

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label?.replace('&', '') === label)?.submenu;
  if (!Array.isArray(menu)) throw new Error(`no ${label} menu`);
  return menu;
}

function click(item: MenuItemConstructorOptions | undefined): void {
  (item?.click as (() => void) | undefined)?.();
}

describe('the application menu', () => {
  it('has File, Edit, View, Window and Help, as a Windows administrator expects', () => {
    const template = menuTemplate(actions(), { open: [], focused: undefined, developer: false });
    expect(template.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
  });

  it('opens each window from View with its shortcut, and has Refresh F5, full screen F11 and zoom', () => {
    const menuActions = actions();
    const view = submenu(menuTemplate(menuActions, { open: [], focused: undefined, developer: false }), 'View');
    const windows = view.filter((item) => item.click).map((item) => [item.label, item.accelerator]);
    expect(windows).toEqual([
      ['Home', 'Alt+Home'],
      ['Replication Manager', 'CmdOrCtrl+1'],
      ['Backup Manager', 'CmdOrCtrl+2'],
      ['Restore Manager', 'CmdOrCtrl+3'],
      ['Job Status Manager', 'CmdOrCtrl+4'],
      ['Reports', 'CmdOrCtrl+5'],
      ['&Refresh', 'F5'],
    ]);
    click(view.find((item) => item.label === 'Backup Manager'));
    expect(menuActions.showWindow).toHaveBeenCalledWith('backup');
    expect(view.find((item) => item.role === 'togglefullscreen')?.accelerator).toBe('F11');
    expect(view.filter((item) => item.role).map((item) => item.role)).toEqual(['togglefullscreen', 'zoomIn', 'zoomOut', 'resetZoom']);
  });

  it('shows Ctrl+N on New scenario but leaves the key to the page, and Exit is Alt+F4', () => {
    const menuActions = actions();
    const file = submenu(menuTemplate(menuActions, { open: [], focused: undefined, developer: false }), 'File');
    const newScenario = file.find((item) => item.label === '&New scenario…');
    expect(newScenario).toMatchObject({ accelerator: 'CmdOrCtrl+N', registerAccelerator: false });
    click(newScenario);
    expect(menuActions.newScenario).toHaveBeenCalled();
    expect(file.at(-1)).toMatchObject({ label: 'E&xit', accelerator: 'Alt+F4' });
  });

  it('lists the open windows under Window and checks the focused one', () => {
    const menuActions = actions();
    const window = submenu(menuTemplate(menuActions, { open: ['reports', 'replication'], focused: 'reports', developer: false }), 'Window');
    const listed = window.filter((item) => item.type === 'radio').map((item) => [item.label, item.checked]);
    expect(listed).toEqual([
      ['Replication Manager', false],
      ['Reports', true],
    ]);
    click(window.find((item) => item.label === 'Replication Manager'));
    expect(menuActions.showWindow).toHaveBeenCalledWith('replication');
  });

  it('has About and Open data folder under Help, and developer tools only in a development build', () => {
    const menuActions = actions();
    const help = submenu(menuTemplate(menuActions, { open: [], focused: undefined, developer: false }), 'Help');
    click(help.find((item) => item.label === '&About Understudy'));
    click(help.find((item) => item.label === 'Open &data folder'));
    expect(menuActions.about).toHaveBeenCalled();
    expect(menuActions.openDataFolder).toHaveBeenCalled();
    const roles = (developer: boolean) => submenu(menuTemplate(menuActions, { open: [], focused: undefined, developer }), 'View').map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });
});
