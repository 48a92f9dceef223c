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
  const visible = workAreas.some((area) => overlap(area, saved) >= minVisible * minVisible);
  if (!visible) return undefined;
  return saved;
}

function overlap(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}
