// Quitting waits for the hub to write what is pending, but not forever;
// tested with the electron module replaced at its boundary.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeElectron } from '../../support/fake-electron';

vi.mock('electron', async () => (await import('../../support/fake-electron')).fakeElectron);

const { quitGracefully } = await import('../../../src/main/shell/graceful-quit');
const { silentLogger } = await import('../../../src/main/hub/log');

const app = fakeElectron.app;
beforeEach(() => {
  app.removeAllListeners('will-quit');
  app.quit = vi.fn();
});
afterEach(() => vi.useRealTimers());

const willQuit = () => {
  const event = { preventDefault: vi.fn() };
  app.emit('will-quit', event);
  return event;
};

it('holds the quit until the hub has closed, then quits for real', async () => {
  let finish: () => void = () => undefined;
  const close = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
  quitGracefully(close, silentLogger);
  expect(willQuit().preventDefault).toHaveBeenCalledOnce();
  expect(close).toHaveBeenCalledOnce();
  expect(app.quit).not.toHaveBeenCalled();
  finish();
  await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce());
  // The second will-quit is the real one.
  expect(willQuit().preventDefault).not.toHaveBeenCalled();
  expect(close).toHaveBeenCalledOnce();
});

it('quits after the deadline when closing hangs', async () => {
  vi.useFakeTimers();
  quitGracefully(() => new Promise<void>(() => undefined), silentLogger, 3_000);
  willQuit();
  await vi.advanceTimersByTimeAsync(2_999);
  expect(app.quit).not.toHaveBeenCalled();
  await vi.advanceTimersByTimeAsync(1);
  expect(app.quit).toHaveBeenCalledOnce();
});
