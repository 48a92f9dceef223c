import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsStore, storeFileName } from '../../src/main/hub/settings-store';
import { defaultStoreFile } from '../../src/shared/model';
import { confFactory, tempDir } from '../support/temp-hub';

describe('the settings file (RELIABILITY C05)', () => {
  let dir: string;
  let remove: () => void;
  beforeEach(() => ({ dir, remove } = tempDir()));
  afterEach(() => remove());

  const open = () => SettingsStore.open(dir, confFactory, () => new Date('2026-11-27T10:00:00Z'));
  const file = () => join(dir, storeFileName);

  it('starts with defaults and keeps changes across reopening', () => {
    const store = open();
    expect(store.settings).toEqual(defaultStoreFile.settings);
    expect(store.notices).toEqual([]);
    store.updateSettings({ theme: 'dark' });
    expect(open().settings.theme).toBe('dark');
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toMatchObject({ version: 1, settings: { theme: 'dark' } });
  });

  it('writes the file readable by its owner only', () => {
    open().updateSettings({ theme: 'light' });
    expect(statSync(file()).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['broken JSON', '{"version": 1, "settings": '],
    ['a wrong type', JSON.stringify({ ...defaultStoreFile, settings: { theme: 3 } })],
    ['an unknown key', JSON.stringify({ ...defaultStoreFile, surprise: true })],
    ['an unknown version', JSON.stringify({ ...defaultStoreFile, version: 9 })],
  ])('keeps a file with %s aside, reports it, and starts with defaults', (_label, text) => {
    writeFileSync(file(), text);
    const store = open();
    expect(store.settings).toEqual(defaultStoreFile.settings);
    expect(store.notices).toHaveLength(1);
    const notice = store.notices[0];
    expect(notice?.keptAs).toBe(join(dir, 'config.invalid-2026-11-27T10-00-00-000Z.json'));
    expect(readFileSync(notice?.keptAs ?? '', 'utf8')).toBe(text);
    expect(notice?.reason).toMatch(/JSON|schema/);
  });

  it('never wipes silently: the kept-aside file survives a second start', () => {
    writeFileSync(file(), 'not json');
    open();
    open();
    expect(readdirSync(dir).filter((name) => name.includes('invalid'))).toHaveLength(1);
    expect(existsSync(file())).toBe(true);
  });

  it('refuses to write invalid data', () => {
    const store = open();
    expect(() => store.updateSettings({ theme: 'neon' as 'dark' })).toThrow();
    expect(open().settings).toEqual(defaultStoreFile.settings);
  });

  it('remembers window state', () => {
    open().saveWindowState({ x: 10, y: 20, width: 1000, height: 700, maximized: false });
    expect(open().windowState).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: false });
  });

  it('remembers the window per arrangement of displays, the newest 16, and the tray hint once shown', () => {
    const at = (x: number) => ({ x, y: 0, width: 1000, height: 700, maximized: false });
    const store = open();
    expect(store.shellState).toEqual({ windows: {}, trayHintShown: false });
    store.saveWindowStateFor('laptop', at(1));
    store.saveWindowStateFor('desk', at(2));
    store.saveWindowStateFor('laptop', at(3));
    expect(open().shellState.windows).toEqual({ desk: at(2), laptop: at(3) });
    expect(open().windowState).toEqual(at(3));
    for (let i = 0; i < 20; i++) store.saveWindowStateFor(`dock-${i}`, at(100 + i));
    const kept = Object.keys(open().shellState.windows);
    expect(kept).toHaveLength(16);
    expect(kept).toContain('dock-19');
    expect(kept).not.toContain('laptop');
    store.markTrayHintShown();
    expect(open().shellState.trayHintShown).toBe(true);
    expect(Object.keys(open().shellState.windows)).toHaveLength(16);
  });
});
