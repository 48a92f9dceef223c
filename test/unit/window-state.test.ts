import { describe, expect, it } from 'vitest';
import { restoreWindowState } from '../../src/main/shell/window-state';

describe('remembered window bounds', () => {
  const screen = { x: 0, y: 0, width: 1920, height: 1080 };
  const saved = { x: 100, y: 100, width: 1200, height: 800, maximized: false };

  it('restores bounds that are on a screen', () => {
    expect(restoreWindowState(saved, [screen])).toEqual(saved);
  });

  it('drops bounds left on a monitor that is gone', () => {
    expect(restoreWindowState({ ...saved, x: 2500 }, [screen])).toBeUndefined();
    expect(restoreWindowState({ ...saved, x: 1880 }, [screen])).toBeUndefined();
  });

  it('keeps bounds on a second monitor', () => {
    expect(restoreWindowState({ ...saved, x: 2500 }, [screen, { x: 1920, y: 0, width: 2560, height: 1440 }])).toEqual({
      ...saved,
      x: 2500,
    });
  });

  it('has nothing to restore on first run', () => {
    expect(restoreWindowState(undefined, [screen])).toBeUndefined();
  });
});
