// The review window, with the electron module replaced at its boundary: a
// hardened, focused window per approval id at #/review/<id>, refusing
// anything that is not an approval id.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow } from '../../support/fake-electron';

vi.mock('electron', async () => (await import('../../support/fake-electron')).fakeElectron);

const { createReviewWindows, reviewUrl } = await import('../../../src/main/shell/review-window');

const id = 'apv_0123456789abcdefAAAA';
const appUrl = 'app://bundle/index.html';

function setup() {
  const onWindow = vi.fn();
  const warn = vi.fn();
  const reviews = createReviewWindows({ preload: '/p.cjs', appUrl, onWindow, warn });
  return { reviews, onWindow, warn };
}

beforeEach(() => {
  FakeBrowserWindow.instances = [];
});

describe('review window', () => {
  it('opens a small, hardened, always-on-top window at the review route', () => {
    const { reviews, onWindow } = setup();
    reviews.open(id, 'approve');
    const window = FakeBrowserWindow.instances.at(-1);
    expect(window?.options).toMatchObject({
      width: 560,
      height: 700,
      minWidth: 560,
      minHeight: 700,
      alwaysOnTop: true,
      show: false,
      title: 'Review approval',
      webPreferences: { preload: '/p.cjs', sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect(window?.loadedUrl).toBe(`${appUrl}#/review/${id}?decision=approve`);
    expect(onWindow).toHaveBeenCalledWith(window);
    expect(window?.visible).toBe(false);
    window?.emit('ready-to-show');
    expect(window?.visible).toBe(true);
    expect(window?.focused).toBe(1);
  });

  it('keeps its own title', () => {
    const { reviews } = setup();
    reviews.open(id);
    const event = { preventDefault: vi.fn() };
    FakeBrowserWindow.instances.at(-1)?.emit('page-title-updated', event, 'Starboard');
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('encodes the id and adds the decision only when given', () => {
    expect(reviewUrl(appUrl, id)).toBe(`${appUrl}#/review/${id}`);
    expect(reviewUrl(appUrl, id, 'reject')).toBe(`${appUrl}#/review/${id}?decision=reject`);
  });

  it.each(['', 'apv_short', '../settings', `${id}/../x`, `${id}?decision=approve`, 'apv_0123456789abcdef AAAA'])(
    'refuses %j as an approval id',
    (bad) => {
      const { reviews, warn } = setup();
      reviews.open(bad, 'approve');
      expect(FakeBrowserWindow.instances).toHaveLength(0);
      expect(reviewUrl(appUrl, bad)).toBeUndefined();
      expect(warn).toHaveBeenCalled();
    },
  );

  it('has one window per approval: a second call focuses it, a new decision navigates it', () => {
    const { reviews } = setup();
    reviews.open(id);
    const window = FakeBrowserWindow.instances.at(-1);
    reviews.open(id);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(window?.focused).toBe(1);
    reviews.open(id, 'reject');
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(window?.loadedUrl).toBe(`${appUrl}#/review/${id}?decision=reject`);
    // A plain click later does not clear the choice.
    reviews.open(id);
    expect(window?.loadedUrl).toBe(`${appUrl}#/review/${id}?decision=reject`);

    reviews.open('apv_0123456789abcdefBBBB');
    expect(FakeBrowserWindow.instances).toHaveLength(2);
  });

  it('opens a new window once the last one was closed', () => {
    const { reviews } = setup();
    reviews.open(id);
    FakeBrowserWindow.instances.at(-1)?.close();
    reviews.open(id);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(FakeBrowserWindow.instances[0]?.destroyed).toBe(false);
  });
});
