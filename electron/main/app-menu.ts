import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu. Actions that change the view go through the renderer's routes, so the
 * menu only navigates (`#/…`) and never calls the API itself.
 */
export interface MenuActions {
  navigate(route: string): void;
  openAbout(): void;
  isMac: boolean;
}

export function appMenuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  return [
    ...(actions.isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open Reference…', accelerator: 'CmdOrCtrl+L', click: () => actions.navigate('#/') },
        { type: 'separator' },
        actions.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [{ role: 'reload' }, { role: 'togglefullscreen' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'About regscope', click: () => actions.openAbout() }] },
  ];
}
