// A DesktopView that records what the feed asked of the shell, for tests.
import type { DesktopView } from '../../src/main/hub/desktop/desktop-view';
import type { MenuItemModel } from '../../src/main/hub/desktop/menu-model';
import type { PlannedNotification } from '../../src/main/hub/desktop/notification-plan';
import type { TrayState } from '../../src/main/hub/desktop/tray-state';

export function recordingView() {
  const calls = {
    tray: [] as TrayState[],
    menus: [] as MenuItemModel[][],
    notified: [] as PlannedNotification[],
    windows: [] as (string | undefined)[],
    reviews: [] as { approvalId: string; decision: string | undefined }[],
    quits: 0,
  };
  const view: DesktopView = {
    setTray: (state) => calls.tray.push(state),
    setMenu: (menu) => calls.menus.push(menu),
    notify: (n) => calls.notified.push(n),
    openWindow: (hash) => calls.windows.push(hash),
    openReview: (approvalId, decision) => calls.reviews.push({ approvalId, decision }),
    quit: () => (calls.quits += 1),
  };
  return { view, calls };
}
