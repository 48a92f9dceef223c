// starboard:// links from the first launch's arguments, a second launch and
// macOS open-url, with the electron module replaced at its boundary: only
// starboard: links are passed on, one per launch, and a link that comes
// before the feed waits for it.
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cancellable, fakeElectron } from '../../support/fake-electron';

vi.mock('electron', async () => (await import('../../support/fake-electron')).fakeElectron);

const { deepLinkIn, receiveDeepLinks, registerProtocolClient, maxDeepLinkLength } =
  await import('../../../src/main/shell/deep-links');
const { claimSingleInstance } = await import('../../../src/main/shell/single-instance');

const link = 'starboard://approvals/apv_0123456789abcdefAAAA';
const app = fakeElectron.app;

beforeEach(() => {
  app.removeAllListeners();
  app.setAsDefaultProtocolClient.mockClear();
  app.requestSingleInstanceLock.mockReturnValue(true);
});

describe('deep links in arguments', () => {
  it('finds the first starboard: argument', () => {
    expect(deepLinkIn(['/usr/bin/starboard', '--demo', link, 'starboard://home'])).toBe(link);
    expect(deepLinkIn(['/usr/bin/starboard', 'STARBOARD://home'])).toBe('STARBOARD://home');
  });

  it.each([
    ['no link', ['/usr/bin/starboard', '--demo']],
    ['another scheme', ['/usr/bin/starboard', 'https://evil.example/starboard://x']],
    ['a file', ['/usr/bin/starboard', '/tmp/starboard:x']],
    ['a link too long', ['/usr/bin/starboard', `starboard://${'a'.repeat(maxDeepLinkLength)}`]],
    ['a non-string', [42, { href: link }]],
  ])('passes nothing on for %s', (_what, argv) => {
    expect(deepLinkIn(argv)).toBeUndefined();
  });
});

describe('receiving deep links', () => {
  it('queues the first launch’s link until the feed runs, then delivers it once', () => {
    const links = receiveDeepLinks(['/usr/bin/starboard', link]);
    const feed = { deepLink: vi.fn() };
    expect(links.deliverTo(feed)).toBe(true);
    expect(feed.deepLink.mock.calls).toEqual([[link]]);
    links.receive('starboard://pipelines');
    expect(feed.deepLink).toHaveBeenCalledTimes(2);
  });

  it('has nothing to deliver without a link', () => {
    const links = receiveDeepLinks(['/usr/bin/starboard']);
    const feed = { deepLink: vi.fn() };
    expect(links.deliverTo(feed)).toBe(false);
    expect(feed.deepLink).not.toHaveBeenCalled();
  });

  it('takes macOS open-url links, preventing the default, and drops other schemes', () => {
    const links = receiveDeepLinks([]);
    const feed = { deepLink: vi.fn() };
    links.deliverTo(feed);
    const event = cancellable();
    app.emit('open-url', event, link);
    app.emit('open-url', cancellable(), 'file:///etc/passwd');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(feed.deepLink.mock.calls).toEqual([[link]]);
  });

  it('keeps the latest of the links that came before the feed', () => {
    const links = receiveDeepLinks([]);
    app.emit('open-url', cancellable(), 'starboard://home');
    app.emit('open-url', cancellable(), link);
    const feed = { deepLink: vi.fn() };
    links.deliverTo(feed);
    expect(feed.deepLink.mock.calls).toEqual([[link]]);
  });

  it('passes a malformed starboard: link on as text: the feed parses it strictly and refuses it', () => {
    const links = receiveDeepLinks([]);
    const feed = { deepLink: vi.fn() };
    links.deliverTo(feed);
    links.receive('starboard://approvals/../../etc');
    expect(feed.deepLink).toHaveBeenCalledWith('starboard://approvals/../../etc');
  });
});

describe('second launch', () => {
  it('hands the second launch’s link to the callback (the feed opens its window)', () => {
    const showWindow = vi.fn();
    const onLink = vi.fn();
    expect(claimSingleInstance({ showWindow, onLink })).toBe(true);
    app.emit('second-instance', {}, ['/usr/bin/starboard', link], '/home/me', {});
    expect(onLink).toHaveBeenCalledWith(link);
    expect(showWindow).not.toHaveBeenCalled();
  });

  it('shows the window for a launch without a link, or with something else', () => {
    const showWindow = vi.fn();
    const onLink = vi.fn();
    claimSingleInstance({ showWindow, onLink });
    app.emit('second-instance', {}, ['/usr/bin/starboard'], '/home/me', {});
    app.emit('second-instance', {}, ['/usr/bin/starboard', 'https://evil.example'], '/home/me', {});
    expect(showWindow).toHaveBeenCalledTimes(2);
    expect(onLink).not.toHaveBeenCalled();
  });

  it('lets the first instance keep the lock', () => {
    app.requestSingleInstanceLock.mockReturnValue(false);
    expect(claimSingleInstance({ showWindow: vi.fn(), onLink: vi.fn() })).toBe(false);
    expect(app.listenerCount('second-instance')).toBe(0);
  });
});

describe('protocol client', () => {
  it('registers starboard: for the packaged app', () => {
    registerProtocolClient({
      defaultApp: false,
      execPath: '/opt/Starboard/starboard',
      argv: ['/opt/Starboard/starboard'],
    });
    expect(app.setAsDefaultProtocolClient).toHaveBeenCalledWith('starboard');
  });

  it('registers Electron with our script when run from source', () => {
    registerProtocolClient({
      defaultApp: true,
      execPath: '/repo/node_modules/electron/dist/electron',
      argv: ['electron', 'out/main/index.js'],
    });
    expect(app.setAsDefaultProtocolClient).toHaveBeenCalledWith(
      'starboard',
      '/repo/node_modules/electron/dist/electron',
      [resolve('out/main/index.js')],
    );
  });
});
