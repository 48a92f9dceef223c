// The IPC transport, with the electron module replaced at its boundary.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { commandNames, queryNames } from '../../../src/shared/contract-names';
import { fakeElectron, FakeBrowserWindow } from '../../support/fake-electron';
import { tempDir, tempHub } from '../../support/temp-hub';
import { defaultSettings } from '../../../src/shared/model';

vi.mock('electron', async () => (await import('../../support/fake-electron')).fakeElectron);

const { registerIpc, forwardEvents } = await import('../../../src/main/shell/ipc');
const { silentLogger } = await import('../../../src/main/hub/log');

const { dir, remove } = tempDir();
const { hub } = tempHub(dir);
const dispatch = vi.spyOn(hub, 'dispatch');
registerIpc(hub, ['app://bundle'], silentLogger);
const ownFrame = { url: 'app://bundle/index.html', parent: null };
const invoke = (channel: string, senderFrame: unknown, payload: unknown) => {
  const handler = fakeElectron.ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler({ senderFrame }, payload);
};

describe('electron boundary: IPC handlers (RELIABILITY S01, S03)', () => {
  afterAll(remove);

  it('registers one channel per contract message and nothing else', () => {
    expect([...fakeElectron.ipcMain.handlers.keys()].sort()).toEqual(
      [...queryNames.map((n) => `starboard:query:${n}`), ...commandNames.map((n) => `starboard:command:${n}`)].sort(),
    );
  });

  it.each([
    ['a child frame', { url: 'app://bundle/index.html', parent: ownFrame }],
    ['a foreign origin', { url: 'https://evil.example/', parent: null }],
    ['a malformed sender URL', { url: '::::', parent: null }],
    ['no sender frame', null],
  ])('refuses %s before the hub sees anything', async (_label, frame) => {
    dispatch.mockClear();
    const result = await invoke('starboard:command:settings.update', frame, { theme: 'dark' });
    expect(result).toMatchObject({ ok: false });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('answers our own page through the hub, with typed errors for bad input', async () => {
    expect(await invoke('starboard:query:settings.get', ownFrame, {})).toEqual({
      ok: true,
      value: { ...defaultSettings, theme: 'system' },
    });
    expect(await invoke('starboard:command:settings.update', ownFrame, { theme: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await invoke('starboard:command:settings.update', ownFrame, { theme: 'x'.repeat(1e7) })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await invoke('starboard:command:settings.update', ownFrame, { theme: 'dark' })).toEqual({
      ok: true,
      value: { ...defaultSettings, theme: 'dark' },
    });
  });

  it('sends events to the window as plain data, and stops when it closes (RELIABILITY S06)', async () => {
    const window = new FakeBrowserWindow({});
    forwardEvents(hub, window as never);
    await hub.dispatch('command', 'settings.update', { theme: 'light' });
    expect(window.webContents.sent).toEqual([
      {
        channel: 'starboard:event',
        args: [{ name: 'settings.changed', payload: { ...defaultSettings, theme: 'light' } }],
      },
    ]);
    window.emit('closed');
    await hub.dispatch('command', 'settings.update', { theme: 'dark' });
    expect(window.webContents.sent).toHaveLength(1);
  });
});
