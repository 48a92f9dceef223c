// The preload, with the electron module replaced at its boundary: it exposes
// the contract and nothing else (RELIABILITY S02, S04, S05, S06).
import { describe, expect, it, vi } from 'vitest';
import { commandNames, queryNames } from '../../../src/shared/contract-names';
import type { StarboardBridge } from '../../../src/shared/client';
import { fakeElectron } from '../../support/fake-electron';

vi.mock('electron', async () => (await import('../../support/fake-electron')).fakeElectron);
process.env['AWS_SECRET_ACCESS_KEY'] = 'canary-secret-never-exposed';
await import('../../../src/preload/index');
const bridge = fakeElectron.contextBridge.exposed.get('starboard') as StarboardBridge;

describe('electron boundary: the preload bridge', () => {
  it('exposes only window.starboard', () => {
    expect([...fakeElectron.contextBridge.exposed.keys()]).toEqual(['starboard']);
    expect(Object.keys(bridge).sort()).toEqual(['command', 'query', 'subscribe']);
  });

  it('has one named function per contract query and command', () => {
    expect(Object.keys(bridge.query).sort()).toEqual([...queryNames].sort());
    expect(Object.keys(bridge.command).sort()).toEqual([...commandNames].sort());
  });

  it('invokes the channel of the named message', async () => {
    await bridge.command['settings.update']({ theme: 'dark' });
    expect(fakeElectron.ipcRenderer.invoke).toHaveBeenLastCalledWith('starboard:command:settings.update', {
      theme: 'dark',
    });
  });

  it('gives listeners the event data only, never the IpcRendererEvent', () => {
    const listener = vi.fn();
    const stop = bridge.subscribe(listener);
    const data = { name: 'settings.changed', payload: { theme: 'dark' } };
    fakeElectron.ipcRenderer.emit('starboard:event', { sender: 'the ipcRenderer' }, data);
    expect(listener).toHaveBeenCalledWith(data);
    expect(listener.mock.calls[0]).toHaveLength(1);
    stop();
    fakeElectron.ipcRenderer.emit('starboard:event', { sender: 'x' }, data);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('never carries the environment', () => {
    expect(JSON.stringify(Object.keys(bridge))).not.toMatch(/env|process|require|ipc/i);
    expect(JSON.stringify(bridge)).not.toContain('canary-secret-never-exposed');
  });
});
