// A crashed or hung window, with the electron module replaced at its boundary (RELIABILITY R01, R03).
import { describe, expect, it } from 'vitest';
import { fakeElectron, FakeBrowserWindow } from '../../support/fake-electron';
import { vi } from 'vitest';

vi.mock('electron', async () => (await import('../../support/fake-electron')).fakeElectron);
const { watchRendererHealth, maxReloads, reloadWindowMs } = await import('../../../src/main/shell/renderer-health');

function watched() {
  const window = new FakeBrowserWindow({});
  const records: { kind: string; error: unknown }[] = [];
  let now = 0;
  watchRendererHealth(window as never, { record: (kind, error) => records.push({ kind, error }), now: () => now });
  return { window, records, later: (ms: number) => (now += ms) };
}

const gone = (reason: string) => [{}, { reason, exitCode: 139 }] as const;

describe('electron boundary: renderer crashes and hangs (RELIABILITY R01, R03)', () => {
  it('records a crash and reloads the window, but not in a loop', () => {
    const { window, records, later } = watched();
    for (let i = 0; i < maxReloads + 2; i++) window.webContents.emit('render-process-gone', ...gone('crashed'));
    expect(window.webContents.reloads).toBe(maxReloads);
    expect(records).toHaveLength(maxReloads + 2);
    expect(records[0]).toEqual({ kind: 'renderer-gone', error: "the window's page stopped: crashed (exit code 139)" });
    later(reloadWindowMs + 1);
    window.webContents.emit('render-process-gone', ...gone('oom'));
    expect(window.webContents.reloads).toBe(maxReloads + 1);
  });

  it('leaves a clean exit alone', () => {
    const { window } = watched();
    window.webContents.emit('render-process-gone', ...gone('clean-exit'));
    expect(window.webContents.reloads).toBe(0);
  });

  it('asks before reloading a hung window, and waits when told to', async () => {
    const { window, records } = watched();
    fakeElectron.dialog.nextResponse = 1;
    window.webContents.emit('unresponsive');
    await Promise.resolve();
    await Promise.resolve();
    expect(fakeElectron.dialog.shown.at(-1)?.options).toMatchObject({ buttons: ['Reload', 'Wait'], cancelId: 1 });
    expect(window.webContents.reloads).toBe(0);
    fakeElectron.dialog.nextResponse = 0;
    window.webContents.emit('unresponsive');
    await vi.waitFor(() => expect(window.webContents.reloads).toBe(1));
    expect(window.webContents.crashes).toBe(1);
    expect(records.map((r) => r.kind)).toEqual(['renderer-unresponsive', 'renderer-unresponsive']);
  });
});
