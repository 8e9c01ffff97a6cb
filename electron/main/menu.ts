/** The application menu: the platform's usual roles and shortcuts (edit, view, window), plus help links. */
import type { MenuItemConstructorOptions } from 'electron';

export function menuTemplate(platform: NodeJS.Platform, openExternal: (url: string) => void): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [{ role: 'reload' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'RFC 4825 (XCAP)', click: () => openExternal('https://www.rfc-editor.org/rfc/rfc4825') },
        { label: '3GPP TS 24.141 (presence over Ut)', click: () => openExternal('https://www.3gpp.org/dynareport/24141.htm') },
      ],
    },
  ];
}
