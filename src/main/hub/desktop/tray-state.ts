// The tray icon's state at a glance, as a pure function of the projects'
// health, the approvals waiting and how refreshing goes. The shell picks the
// icon for `state` and shows `tooltip` (and `title` next to the icon on
// macOS); it decides nothing itself.
import type { ProjectHealth } from '../../../shared/project-health';
import type { RefreshStatus } from '../../../shared/refresh';

/**
 * Most urgent first: an approval waiting for the user, something failing,
 * no way to read (offline, or an account needs a sign-in), something
 * running, all passing, and nothing to show yet.
 */
export const trayStates = ['approval', 'failing', 'offline', 'sign-in', 'running', 'passing', 'idle'] as const;
export type TrayStateName = (typeof trayStates)[number];

export interface TrayProject {
  id: string;
  name: string;
  health: Pick<ProjectHealth, 'overall' | 'counts' | 'approvalsWaiting'>;
}

export interface TrayState {
  state: TrayStateName;
  counts: { failing: number; running: number; passing: number; approvals: number; needsSignIn: number };
  /** Several lines: what the state means, with counts; the last refresh. */
  tooltip: string;
  /** macOS: the text beside the icon (failures and approvals), empty when all is well. */
  title: string;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function trayState(input: {
  projects: readonly TrayProject[];
  /** Approvals the user may decide now (AWS and GitHub). */
  approvals: number;
  refresh: RefreshStatus;
  /** For "updated 2 min ago" in the tooltip; absent in tests that do not care. */
  now?: Date;
}): TrayState {
  const { projects, approvals, refresh } = input;
  const failing = projects.filter((p) => p.health.overall === 'failed').length;
  const running = projects.filter((p) => p.health.overall === 'running').length;
  const passing = projects.filter((p) => p.health.overall === 'succeeded').length;
  const needsSignIn = refresh.needsSignIn.length;
  const counts = { failing, running, passing, approvals, needsSignIn };

  const state: TrayStateName =
    approvals > 0
      ? 'approval'
      : failing > 0
        ? 'failing'
        : !refresh.online
          ? 'offline'
          : needsSignIn > 0
            ? 'sign-in'
            : running > 0
              ? 'running'
              : passing > 0
                ? 'passing'
                : 'idle';

  const lines = ['Starboard'];
  if (approvals > 0) lines.push(`${plural(approvals, 'approval')} waiting for you`);
  if (failing > 0) lines.push(`${plural(failing, 'project')} failing`);
  if (running > 0) lines.push(`${plural(running, 'project')} running`);
  if (passing > 0) lines.push(`${plural(passing, 'project')} passing`);
  if (projects.length === 0) lines.push('No projects yet');
  if (!refresh.online) lines.push('Offline: showing the last known state');
  if (needsSignIn > 0) lines.push(`${plural(needsSignIn, 'account')} need${needsSignIn === 1 ? 's' : ''} a sign-in`);
  if (refresh.lastRefreshAt !== null && input.now) lines.push(`Updated ${ago(refresh.lastRefreshAt, input.now)}`);

  const title = [failing > 0 ? `✕${failing}` : '', approvals > 0 ? `●${approvals}` : ''].filter(Boolean).join(' ');
  return { state, counts, tooltip: lines.join('\n'), title };
}

function ago(iso: string, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 1000));
  if (!Number.isFinite(seconds)) return 'at an unknown time';
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  return `${Math.floor(seconds / 3600)} h ago`;
}
