/**
 * The installer configuration, checked without building (packaging needs the Electron download this
 * machine cannot make): electron-builder's own schema validation, plus what the product requires —
 * the four platform targets, the security fuses, the icon, and only the built app in the package.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form JSON read for assertions
type Json = any;
const config = JSON.parse(readFileSync('electron-builder.json', 'utf8')) as Json;
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as Json;

describe('electron-builder.json', () => {
  it('passes electron-builder\'s own configuration validation', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as { validateConfiguration(config: unknown, logger: unknown): Promise<void> };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const { $schema: _schema, ...withoutSchema } = structuredClone(config); // validation normalizes in place
    await expect(validateConfiguration(withoutSchema, new DebugLogger(false))).resolves.toBeUndefined();
    // …and it would catch a mistake:
    await expect(validateConfiguration({ ...structuredClone(withoutSchema), linux: { ...structuredClone(config.linux), tagret: ['deb'] } }, new DebugLogger(false))).rejects.toThrow(/Invalid configuration object/);
  });

  it('builds AppImage + deb, dmg and nsis with an app id and icons', () => {
    expect(config.appId).toMatch(/^[a-z0-9]+(\.[a-z0-9-]+)+$/);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    const png = readFileSync(config.linux.icon);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512); // width
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512); // height
  });

  it('sets the Electron fuses: no RunAsNode, encrypted cookies, ASAR integrity, load only from ASAR', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableCookieEncryption: true, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true });
  });

  it('packages the built app: main is the bundled main process, sources stay out', () => {
    expect(packageJson.main).toBe('dist/electron/main.js');
    expect(config.files).toContain('dist/**/*');
    expect(config.files.some((pattern: string) => /^(electron|renderer|shared)\//.test(pattern))).toBe(false);
    expect(packageJson.scripts.dist).toContain('electron-builder');
  });
});
