// Window bounds remembered between runs, per arrangement of displays (a
// laptop alone, the same laptop docked at a desk), but never restored
// off-screen (a monitor that was unplugged since).
import { createHash } from 'node:crypto';
import type { WindowState } from '../../shared/model';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What tells one arrangement of displays from another. */
export interface DisplayShape {
  bounds: Rect;
  scaleFactor: number;
}

export const defaultWindowSize = { width: 1280, height: 820 };
const minVisible = 100;
/** The settings file keeps keys up to 512 characters (shellStateSchema). */
const maxKeyLength = 512;

export function restoreWindowState(
  saved: WindowState | undefined,
  workAreas: readonly Rect[],
): WindowState | undefined {
  if (!saved) return undefined;
  return workAreas.some((area) => showsEnoughOf(area, saved)) ? saved : undefined;
}

/**
 * A stable name for the displays as they are now: each display's bounds and
 * scale factor, sorted, so the order the OS lists them in does not matter.
 * An unusually long one (many displays) is hashed to fit the settings file.
 */
export function displayKey(displays: readonly DisplayShape[]): string {
  const key = displays
    .map(({ bounds: b, scaleFactor }) => `${b.x},${b.y},${b.width}x${b.height}@${scaleFactor}`)
    .sort()
    .join(';');
  return key.length <= maxKeyLength ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`;
}

/**
 * The bounds to open the window with: those remembered for this arrangement
 * of displays, else the last bounds of all; either only when on a screen now.
 */
export function chooseWindowState(
  saved: { byDisplays: Readonly<Record<string, WindowState>>; last: WindowState | undefined },
  key: string,
  workAreas: readonly Rect[],
): WindowState | undefined {
  return restoreWindowState(saved.byDisplays[key], workAreas) ?? restoreWindowState(saved.last, workAreas);
}

/** At least 100 px each way on one screen, so the title bar can be grabbed. */
function showsEnoughOf(area: Rect, window: Rect): boolean {
  const width = Math.min(area.x + area.width, window.x + window.width) - Math.max(area.x, window.x);
  const height = Math.min(area.y + area.height, window.y + window.height) - Math.max(area.y, window.y);
  return width >= minVisible && height >= minVisible;
}
