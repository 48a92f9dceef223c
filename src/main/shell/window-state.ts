// Window bounds remembered between runs, but never restored off-screen (a
// monitor that was unplugged since).
import type { WindowState } from '../../shared/model';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const defaultWindowSize = { width: 1280, height: 820 };
const minVisible = 100;

export function restoreWindowState(
  saved: WindowState | undefined,
  workAreas: readonly Rect[],
): WindowState | undefined {
  if (!saved) return undefined;
  return workAreas.some((area) => showsEnoughOf(area, saved)) ? saved : undefined;
}

/** At least 100 px each way on one screen, so the title bar can be grabbed. */
function showsEnoughOf(area: Rect, window: Rect): boolean {
  const width = Math.min(area.x + area.width, window.x + window.width) - Math.max(area.x, window.x);
  const height = Math.min(area.y + area.height, window.y + window.height) - Math.max(area.y, window.y);
  return width >= minVisible && height >= minVisible;
}
