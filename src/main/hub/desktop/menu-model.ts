// The tray's context menu as plain data: each project with its status, its
// pipelines and latest builds beneath (a click opens the item in the window),
// the approvals waiting with "Review…" entries, Refresh now, Pause
// notifications, Open Starboard and Quit. The shell turns it into an Electron
// Menu; `signature` lets it skip rebuilding when nothing the menu shows changed
// (no flicker), and set it again when something did (Linux needs that).
import type { ApprovalSummary, NotificationRules } from '../../../shared/model';
import type { ProjectHealth, RunStatus } from '../../../shared/project-health';
import { buildId } from '../../../shared/snapshot';
import type { NotificationTarget } from './notification-plan';
import { isPaused } from './notification-plan';

export type PauseChoice = '1h' | 'tomorrow' | 'off';

export type MenuAction =
  | { kind: 'open'; target: NotificationTarget }
  /** Opens the review window for one approval: it shows what ships and asks before anything is decided. */
  | { kind: 'review-approval'; approvalId: string }
  | { kind: 'refresh' }
  | { kind: 'pause'; choice: PauseChoice }
  | { kind: 'resume' }
  | { kind: 'show-window' }
  | { kind: 'quit' };

export type MenuItemModel =
  | { type: 'item'; id: string; label: string; status?: RunStatus; enabled: boolean; action?: MenuAction }
  | { type: 'submenu'; id: string; label: string; status?: RunStatus; items: MenuItemModel[] }
  | { type: 'separator'; id: string };

export interface MenuProject {
  id: string;
  name: string;
  health: Pick<ProjectHealth, 'overall' | 'pipelines' | 'builds' | 'workflows'>;
}

/** Menus this long are unusable: the rest is one "More in Starboard…" entry. */
export const maxMenuEntries = 12;

const statusWords: Record<RunStatus, string> = {
  failed: 'failing',
  running: 'running',
  succeeded: 'passing',
  stopped: 'stopped',
  skipped: 'skipped',
  'not-run': 'not run yet',
  unknown: 'unknown',
};

/** A label with its status in words, so the menu does not rely on an icon's colour. */
function withStatus(name: string, status: RunStatus): string {
  return `${name} — ${statusWords[status]}`;
}

function capped(items: MenuItemModel[], more: MenuAction, id: string): MenuItemModel[] {
  if (items.length <= maxMenuEntries) return items;
  return [
    ...items.slice(0, maxMenuEntries - 1),
    {
      type: 'item',
      id: `${id}:more`,
      label: `${items.length - maxMenuEntries + 1} more in Starboard…`,
      enabled: true,
      action: more,
    },
  ];
}

function projectMenu(project: MenuProject): MenuItemModel {
  const id = `project:${project.id}`;
  const open: MenuAction = { kind: 'open', target: { page: 'home' } };
  const pipelines: MenuItemModel[] = project.health.pipelines.map((p) => ({
    type: 'item',
    id: `${id}:${p.resource.id}`,
    label: withStatus(p.resource.data.summary.name, p.status),
    status: p.status,
    enabled: true,
    action: { kind: 'open', target: { page: 'pipeline', resourceId: p.resource.id } },
  }));
  const builds: MenuItemModel[] = project.health.builds.map((b) => ({
    type: 'item',
    id: `${id}:${b.latest.id}`,
    label: withStatus(`${b.project} #${b.latest.data.number ?? '?'}`, b.status),
    status: b.status,
    enabled: true,
    action: { kind: 'open', target: { page: 'build', resourceId: buildId(b.latest.data.arn) } },
  }));
  const workflows: MenuItemModel[] = project.health.workflows.map((w) => ({
    type: 'item',
    id: `${id}:${w.resource.id}:${w.workflowId}`,
    label: withStatus(`${w.name} (${w.resource.data.fullName})`, w.status),
    status: w.status,
    enabled: true,
    action: {
      kind: 'open',
      target: {
        page: 'github-run',
        accountKey: w.resource.data.accountKey,
        repository: w.resource.data.fullName,
        runId: w.latest.id,
      },
    },
  }));
  const sections = [pipelines, builds, workflows].filter((s) => s.length > 0);
  const items: MenuItemModel[] = sections.flatMap((section, i) =>
    i === 0 ? section : [{ type: 'separator' as const, id: `${id}:sep${i}` }, ...section],
  );
  return {
    type: 'submenu',
    id,
    label: withStatus(project.name, project.health.overall),
    status: project.health.overall,
    items:
      items.length > 0
        ? capped(items, open, id)
        : [{ type: 'item', id: `${id}:empty`, label: 'Nothing watched yet', enabled: false }],
  };
}

function approvalLabel(approval: ApprovalSummary): string {
  return approval.provider === 'aws'
    ? `Review ${approval.pipeline} › ${approval.stage}…`
    : `Review ${approval.workflow} #${approval.runNumber} (${approval.repository})…`;
}

export function trayMenu(input: {
  projects: readonly MenuProject[];
  approvals: readonly ApprovalSummary[];
  notifications: Pick<NotificationRules, 'pausedUntil'>;
  now: Date;
}): MenuItemModel[] {
  const { projects, approvals, now } = input;
  const menu: MenuItemModel[] = [];
  if (approvals.length > 0) {
    menu.push({
      type: 'item',
      id: 'approvals:title',
      label: `Waiting for your approval (${approvals.length})`,
      enabled: false,
    });
    const entries: MenuItemModel[] = approvals.map((a) => ({
      type: 'item',
      id: `approval:${a.approvalId}`,
      label: approvalLabel(a),
      enabled: !a.submitting,
      action: { kind: 'review-approval', approvalId: a.approvalId },
    }));
    menu.push(...capped(entries, { kind: 'open', target: { page: 'approvals' } }, 'approvals'), {
      type: 'separator',
      id: 'sep:approvals',
    });
  }
  if (projects.length === 0) menu.push({ type: 'item', id: 'projects:none', label: 'No projects yet', enabled: false });
  menu.push(...capped(projects.map(projectMenu), { kind: 'show-window' }, 'projects'));
  const paused = isPaused(input.notifications, now);
  menu.push(
    { type: 'separator', id: 'sep:projects' },
    { type: 'item', id: 'refresh', label: 'Refresh now', enabled: true, action: { kind: 'refresh' } },
    paused
      ? { type: 'item', id: 'resume', label: 'Resume notifications', enabled: true, action: { kind: 'resume' } }
      : {
          type: 'submenu',
          id: 'pause',
          label: 'Pause notifications',
          items: [
            {
              type: 'item',
              id: 'pause:1h',
              label: 'For 1 hour',
              enabled: true,
              action: { kind: 'pause', choice: '1h' },
            },
            {
              type: 'item',
              id: 'pause:tomorrow',
              label: 'Until tomorrow',
              enabled: true,
              action: { kind: 'pause', choice: 'tomorrow' },
            },
            {
              type: 'item',
              id: 'pause:off',
              label: 'Until I turn them on',
              enabled: true,
              action: { kind: 'pause', choice: 'off' },
            },
          ],
        },
    { type: 'separator', id: 'sep:app' },
    { type: 'item', id: 'show', label: 'Open Starboard', enabled: true, action: { kind: 'show-window' } },
    { type: 'item', id: 'quit', label: 'Quit Starboard', enabled: true, action: { kind: 'quit' } },
  );
  return menu;
}

/** Changes exactly when what the menu shows changes: the shell rebuilds only then. */
export function menuSignature(menu: readonly MenuItemModel[]): string {
  return JSON.stringify(menu);
}

/**
 * When a pause ends (ISO 8601), or null for "until I turn them on" (stored as
 * far future: a pause the user must lift). "Tomorrow" is the next local 08:00.
 */
export function pauseUntil(choice: PauseChoice, now: Date): string {
  if (choice === '1h') return new Date(now.getTime() + 3_600_000).toISOString();
  if (choice === 'off') return new Date('9999-12-31T00:00:00Z').toISOString();
  const tomorrow = new Date(now);
  tomorrow.setDate(tomorrow.getDate() + 1);
  tomorrow.setHours(8, 0, 0, 0);
  return tomorrow.toISOString();
}
