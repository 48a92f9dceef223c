// The hub's desktop feed: keeps what the tray shows in step with the hub and
// turns each batch of delivered events into notifications, through the pure
// functions beside it (tray-state, menu-model, notification-plan, deep-link).
// It talks to the hub only through dispatch and subscribe, like a window, and
// to the shell only through DesktopView; the shell decides nothing.
//
// Clicks come back here. An approval is never decided from this module: a
// notification's Approve or Reject opens the review window (which shows what
// would ship and waits for a click there), and one no longer waiting opens
// its pipeline or run instead, with its final state.
import type { HubEvent } from '../../../shared/contract';
import type { ApprovalSummary, Settings } from '../../../shared/model';
import { defaultSettings } from '../../../shared/model';
import { projectHealth } from '../../../shared/project-health';
import { indexByMemberRef, projectResources } from '../../../shared/project-resources';
import type { ProjectsView } from '../../../shared/projects';
import type { ProjectEvent } from '../../../shared/events';
import { idleRefreshStatus, type RefreshStatus } from '../../../shared/refresh';
import { pipelineHref, runHref } from '../../../shared/route-paths';
import type { Snapshot } from '../../../shared/snapshot';
import type { Hub } from '../hub';
import { parseDeepLink, targetHash } from './deep-link';
import type { DesktopFeed, DesktopView, ReviewDecision } from './desktop-view';
import { menuSignature, pauseUntil, trayMenu, type MenuAction, type MenuProject } from './menu-model';
import { planNotifications, type NotificationApproval, type PlannedNotification } from './notification-plan';
import { trayState, type TrayProject } from './tray-state';

export interface FeedClock {
  now(): number;
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface DesktopFeedOptions {
  hub: Pick<Hub, 'dispatch' | 'subscribe'>;
  view: DesktopView;
  /** Clock for tests; the real one otherwise. */
  clock?: FeedClock;
  /** Minutes since local midnight, for quiet hours; the machine's local time otherwise. */
  localMinutes?: (now: Date) => number;
  /** Where a failure to read the hub is told (never thrown at the shell). */
  warn?: (message: string, fields?: Record<string, unknown>) => void;
}

/** The tooltip says "updated N min ago", and a pause ends on its own: both need a tick. */
export const tickMs = 30_000;
/** Notification ids kept to never show one twice in a run (events are already delivered once across runs). */
const maxRemembered = 1000;

const realClock: FeedClock = {
  now: () => Date.now(),
  setInterval: (run, ms) => setInterval(run, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

const machineMinutes = (now: Date): number => now.getHours() * 60 + now.getMinutes();

interface Known {
  projects: ProjectsView;
  snapshot: Snapshot | undefined;
  approvals: ApprovalSummary[];
  refresh: RefreshStatus;
  settings: Settings;
}

/** The waiting approval a notification asked about, if it still waits. */
export function findApproval(
  asked: NotificationApproval,
  approvals: readonly ApprovalSummary[],
): ApprovalSummary | undefined {
  return approvals.find((a) =>
    asked.provider === 'aws'
      ? a.provider === 'aws' &&
        asked.resourceId.endsWith(`:${a.region}:${a.pipeline}`) &&
        a.stage === asked.stage &&
        a.action === asked.action &&
        a.pipelineExecutionId === asked.executionId
      : a.provider === 'github' &&
        a.accountKey === asked.accountKey &&
        a.repository === asked.repository &&
        runIdOf(a.htmlUrl) === asked.runId,
  );
}

function runIdOf(htmlUrl: string): number | undefined {
  const id = /\/actions\/runs\/(\d{1,16})(?:\/|$)/.exec(htmlUrl)?.[1];
  return id === undefined ? undefined : Number(id);
}

/** Where an approval no longer waiting is shown with its final state: its execution, or its run. */
export function decidedItemHash(asked: NotificationApproval): string {
  return asked.provider === 'aws'
    ? pipelineHref(asked.resourceId, asked.executionId)
    : runHref({ accountKey: asked.accountKey, repository: asked.repository, runId: asked.runId });
}

export function startDesktopFeed(options: DesktopFeedOptions): DesktopFeed {
  const { hub, view } = options;
  const clock = options.clock ?? realClock;
  const localMinutes = options.localMinutes ?? machineMinutes;
  const warn = options.warn ?? (() => undefined);
  const known: Known = {
    projects: { projects: [], dismissed: [] },
    snapshot: undefined,
    approvals: [],
    refresh: idleRefreshStatus,
    settings: defaultSettings,
  };
  const shown = new Set<string>();
  let traySignature = '';
  let menuShown = '';
  let closed = false;

  async function query<T>(name: string): Promise<T | undefined> {
    const result = await hub.dispatch('query', name, {});
    if (result.ok) return result.value as T;
    warn(`desktop feed could not read ${name}`, { code: result.error.code });
    return undefined;
  }

  type Readable = 'projects.list' | 'snapshot.get' | 'approvals.list' | 'refresh.status' | 'settings.get';
  /**
   * Reads one thing again, then draws; a read of the same thing in flight is
   * not repeated. A pushed value newer than a read's question wins: the read's
   * answer is dropped (it may have been made before the change).
   */
  const reading = new Map<Readable, Promise<void>>();
  const generation = new Map<Readable, number>();
  const pushed = (name: Readable) => generation.set(name, (generation.get(name) ?? 0) + 1);
  function reread(name: Readable): Promise<void> {
    const running = reading.get(name);
    if (running) return running;
    const asked = generation.get(name) ?? 0;
    const read = query<unknown>(name)
      .then((value) => {
        if (value === undefined || (generation.get(name) ?? 0) !== asked) return;
        if (name === 'projects.list') known.projects = value as ProjectsView;
        else if (name === 'snapshot.get') known.snapshot = value as Snapshot;
        else if (name === 'approvals.list') known.approvals = value as ApprovalSummary[];
        else if (name === 'refresh.status') known.refresh = value as RefreshStatus;
        else known.settings = value as Settings;
        draw();
      })
      .catch((error: unknown) => warn(`desktop feed could not read ${name}`, { error: String(error) }))
      .finally(() => reading.delete(name));
    reading.set(name, read);
    return read;
  }
  const readAll = () =>
    Promise.all(
      (['settings.get', 'projects.list', 'snapshot.get', 'approvals.list', 'refresh.status'] as const).map(reread),
    );
  const ready = readAll();

  function projects(): (MenuProject & TrayProject)[] {
    const snapshot = known.snapshot;
    if (!snapshot) return [];
    const index = indexByMemberRef(snapshot);
    return known.projects.projects
      .filter((p) => p.state === 'confirmed')
      .map((p) => ({ id: p.id, name: p.name, health: projectHealth(projectResources(p, index)) }));
  }

  function draw(): void {
    if (closed) return;
    const now = new Date(clock.now());
    const shownProjects = projects();
    const tray = trayState({
      projects: shownProjects,
      approvals: known.approvals.length,
      refresh: known.refresh,
      now,
    });
    const signature = JSON.stringify(tray);
    if (signature !== traySignature) {
      traySignature = signature;
      view.setTray(tray);
    }
    const menu = trayMenu({
      projects: shownProjects,
      approvals: known.approvals,
      notifications: known.settings.notifications,
      now,
    });
    const menuNow = menuSignature(menu);
    if (menuNow !== menuShown) {
      menuShown = menuNow;
      view.setMenu(menu);
    }
  }

  async function deliver(events: ProjectEvent[]): Promise<void> {
    await ready;
    if (closed) return;
    const now = new Date(clock.now());
    const plan = planNotifications(events, known.settings.notifications, {
      now,
      localMinutes: localMinutes(now),
      alreadyShown: shown,
      projectNames: new Map(known.projects.projects.map((p) => [p.id, p.name])),
    });
    for (const notification of plan.notifications) {
      for (const id of [notification.id, ...notification.eventIds]) remember(id);
      view.notify(notification);
    }
  }

  function remember(id: string): void {
    shown.add(id);
    if (shown.size <= maxRemembered) return;
    const oldest = shown.values().next().value;
    if (oldest !== undefined) shown.delete(oldest);
  }

  function onEvent(event: HubEvent): void {
    switch (event.name) {
      case 'projects.changed':
        pushed('projects.list');
        known.projects = event.payload;
        draw();
        break;
      case 'approvals.changed':
        pushed('approvals.list');
        known.approvals = event.payload;
        draw();
        break;
      case 'refresh.status.changed':
        pushed('refresh.status');
        known.refresh = event.payload;
        draw();
        break;
      case 'settings.changed':
        pushed('settings.get');
        known.settings = event.payload;
        draw();
        break;
      case 'snapshot.changed':
        void reread('snapshot.get');
        break;
      case 'workspace.changed':
        void readAll();
        break;
      case 'activity':
        void deliver(event.payload).catch((error: unknown) =>
          warn('desktop feed could not plan notifications', { error: String(error) }),
        );
        break;
      default:
        break;
    }
  }

  /** The approval as it is now: the list is read again, never trusted from when the notification was shown. */
  async function current(asked: NotificationApproval): Promise<ApprovalSummary | undefined> {
    await reread('approvals.list');
    return findApproval(asked, known.approvals);
  }

  async function review(asked: NotificationApproval, decision: ReviewDecision | undefined): Promise<void> {
    const approval = await current(asked);
    if (!approval) {
      view.openWindow(decidedItemHash(asked));
      return;
    }
    // A decision already on its way: the window shows that, without a preselected form.
    view.openReview(approval.approvalId, approval.submitting ? undefined : decision);
  }

  const act = (work: Promise<unknown>, what: string): void =>
    void work.catch((error: unknown) => warn(`desktop feed could not ${what}`, { error: String(error) }));

  const setPausedUntil = (pausedUntil: string | null) =>
    hub.dispatch('command', 'settings.update', {
      notifications: { ...known.settings.notifications, pausedUntil },
    });

  const unsubscribe = hub.subscribe(onEvent);
  const tick = clock.setInterval(draw, tickMs);

  return {
    menuAction(action: MenuAction): void {
      switch (action.kind) {
        case 'open':
          view.openWindow(targetHash(action.target));
          break;
        case 'review-approval':
          view.openReview(action.approvalId);
          break;
        case 'refresh':
          act(hub.dispatch('command', 'refresh.now', {}), 'refresh');
          break;
        case 'pause':
          act(setPausedUntil(pauseUntil(action.choice, new Date(clock.now()))), 'pause notifications');
          break;
        case 'resume':
          act(setPausedUntil(null), 'resume notifications');
          break;
        case 'show-window':
          view.openWindow();
          break;
        case 'quit':
          view.quit();
          break;
      }
    },
    notificationClicked(notification: PlannedNotification): void {
      if (notification.approval) act(review(notification.approval, undefined), 'open the review window');
      else view.openWindow(targetHash(notification.target));
    },
    notificationAction(notification: PlannedNotification, decision: ReviewDecision): void {
      if (notification.approval) act(review(notification.approval, decision), 'open the review window');
      else view.openWindow(targetHash(notification.target));
    },
    deepLink(link: string): void {
      const parsed = parseDeepLink(link);
      if (!parsed) {
        warn('refused a starboard:// link', { link: link.slice(0, 200) });
        view.openWindow();
      } else if (parsed.kind === 'route') view.openWindow(parsed.hash);
      // The review window itself says when the approval no longer waits, with who decided it.
      else view.openReview(parsed.approvalId);
    },
    close(): void {
      closed = true;
      unsubscribe();
      clock.clearInterval(tick);
    },
  };
}
