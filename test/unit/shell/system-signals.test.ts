// The shell passes the OS's wake-up events to the hub (RELIABILITY R04),
// tested with the electron module replaced at its boundary.
import { expect, it, vi } from 'vitest';
import type { SystemSignal } from '../../../src/main/hub/hub';
import { fakeElectron } from '../../support/fake-electron';

vi.mock('electron', async () => (await import('../../support/fake-electron')).fakeElectron);

const { forwardPowerEvents } = await import('../../../src/main/shell/system-signals');

it('tells the hub about a resume and an unlock, and nothing else', () => {
  const signals: SystemSignal[] = [];
  forwardPowerEvents({ system: (signal) => signals.push(signal) });
  fakeElectron.powerMonitor.emit('suspend');
  fakeElectron.powerMonitor.emit('resume');
  fakeElectron.powerMonitor.emit('unlock-screen');
  expect(signals).toEqual([{ kind: 'resume' }, { kind: 'resume' }]);
});
