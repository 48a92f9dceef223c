// Quitting waits (briefly) for the hub to write what is pending: the
// snapshot, delivered events and the approvals journal. Electron quits at
// once unless will-quit is prevented; after the hub closed, or after a
// deadline, the quit goes on.
import { app } from 'electron';
import type { Logger } from '../hub/log';

export function quitGracefully(close: () => Promise<void>, log: Pick<Logger, 'error'>, deadlineMs = 3_000): void {
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    closed = true;
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, deadlineMs).unref());
    void Promise.race([close(), deadline])
      .catch((error: unknown) => log.error('closing the hub failed', error))
      .finally(() => app.quit());
  });
}
