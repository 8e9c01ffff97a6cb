import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configDirOption, defaultConfigDir, resolveConfigDir } from './config-dir';

describe('defaultConfigDir', () => {
  it('follows XDG on Linux, ignoring a relative XDG_CONFIG_HOME', () => {
    expect(defaultConfigDir({ env: { XDG_CONFIG_HOME: '/xdg' }, platform: 'linux', home: '/home/ann' })).toBe('/xdg/xcap-console');
    expect(defaultConfigDir({ env: {}, platform: 'linux', home: '/home/ann' })).toBe('/home/ann/.config/xcap-console');
    expect(defaultConfigDir({ env: { XDG_CONFIG_HOME: 'rel' }, platform: 'freebsd', home: '/home/ann' })).toBe('/home/ann/.config/xcap-console');
  });

  it('uses Application Support on macOS and APPDATA on Windows', () => {
    expect(defaultConfigDir({ env: { XDG_CONFIG_HOME: '/xdg' }, platform: 'darwin', home: '/Users/ann' })).toBe('/Users/ann/Library/Application Support/xcap-console');
    expect(defaultConfigDir({ env: { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, platform: 'win32', home: 'C:\\Users\\ann' })).toBe('C:\\Users\\ann\\AppData\\Roaming\\xcap-console');
    expect(defaultConfigDir({ env: {}, platform: 'win32', home: 'C:\\Users\\ann' })).toBe('C:\\Users\\ann\\AppData\\Roaming\\xcap-console');
  });
});

describe('--config', () => {
  it('takes --config DIR and --config=DIR, the last one winning, made absolute', () => {
    expect(configDirOption(['--config', '/a'])).toBe('/a');
    expect(configDirOption(['x', '--config=/b', '--config', '/c'])).toBe('/c');
    expect(configDirOption(['--', '--config', '/a'])).toBeUndefined();
    expect(resolveConfigDir(['--config', 'rel/dir'])).toBe(resolve('rel/dir'));
    expect(resolveConfigDir([], { env: {}, platform: 'linux', home: '/h' })).toBe('/h/.config/xcap-console');
  });

  it('refuses --config without a directory', () => {
    for (const args of [['--config'], ['--config', '--verbose'], ['--config=']]) {
      expect(() => configDirOption(args)).toThrow(expect.objectContaining({ code: 'invalid-argument', message: '--config needs a directory: --config DIR' }));
    }
  });
});
