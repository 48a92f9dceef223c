import { describe, expect, it } from 'vitest';
import { chooseWindowState, displayKey, restoreWindowState } from '../../src/main/shell/window-state';

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

describe('window bounds per arrangement of displays', () => {
  const laptop = { bounds: { x: 0, y: 0, width: 1440, height: 900 }, scaleFactor: 2 };
  const monitor = { bounds: { x: 1440, y: 0, width: 2560, height: 1440 }, scaleFactor: 1 };
  const saved = { x: 100, y: 100, width: 1200, height: 800, maximized: false };
  const onMonitor = { x: 1600, y: 100, width: 1800, height: 1100, maximized: true };

  it('names an arrangement by its displays’ bounds and scale, in any order', () => {
    expect(displayKey([laptop, monitor])).toBe(displayKey([monitor, laptop]));
    expect(displayKey([laptop])).toBe('0,0,1440x900@2');
  });

  it('tells arrangements apart by position, size and scale', () => {
    const keys = new Set([
      displayKey([laptop]),
      displayKey([laptop, monitor]),
      displayKey([{ ...laptop, scaleFactor: 1 }]),
      displayKey([laptop, { ...monitor, bounds: { ...monitor.bounds, x: -2560 } }]),
    ]);
    expect(keys.size).toBe(4);
  });

  it('keeps a key short enough for the settings file with many displays', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ ...monitor, bounds: { ...monitor.bounds, x: i * 2560 } }));
    const key = displayKey(many);
    expect(key.length).toBeLessThanOrEqual(512);
    expect(displayKey([...many].reverse())).toBe(key);
  });

  it('restores the bounds of this arrangement when there are some', () => {
    const docked = displayKey([laptop, monitor]);
    const areas = [laptop.bounds, monitor.bounds];
    expect(chooseWindowState({ byDisplays: { [docked]: onMonitor }, last: saved }, docked, areas)).toEqual(onMonitor);
  });

  it('falls back to the last bounds for an arrangement not seen before', () => {
    const docked = displayKey([laptop, monitor]);
    expect(
      chooseWindowState({ byDisplays: { [docked]: onMonitor }, last: saved }, displayKey([laptop]), [laptop.bounds]),
    ).toEqual(saved);
  });

  it('still refuses bounds that are off-screen now', () => {
    const key = displayKey([laptop]);
    expect(
      chooseWindowState({ byDisplays: { [key]: onMonitor }, last: onMonitor }, key, [laptop.bounds]),
    ).toBeUndefined();
  });
});
