// What the OS tells Electron about sleep and wake-up, passed to the hub so the
// refresh scheduler spreads its catch-up after a resume (RELIABILITY R04).
// Visibility and the network come from the window itself (app.signal).
import { powerMonitor } from 'electron';
import type { Hub } from '../hub/hub';

export function forwardPowerEvents(hub: Pick<Hub, 'system'>): void {
  powerMonitor.on('resume', () => hub.system({ kind: 'resume' }));
  powerMonitor.on('unlock-screen', () => hub.system({ kind: 'resume' }));
}
