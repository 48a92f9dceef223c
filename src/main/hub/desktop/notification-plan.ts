// Which desktop notifications to show for a batch of delivered events: a pure
// function of the events, the user's rules and the time, so that every rule
// (kinds, muted projects, quiet hours, pause, grouping) is unit-tested and the
// shell only shows what it is handed. Events arrive once (DeliveredEvents);
// `alreadyShown` guards a notification id shown before anyway.
import type { ChangeEvent, EventKind, ProjectEvent } from '../../../shared/events';
import type { NotificationKind, NotificationRules } from '../../../shared/model';

/** The notification kind of each event kind; null: never a notification (the feed shows it). */
export const notificationKindOf: Record<EventKind, NotificationKind | null> = {
  'pipeline.execution.started': null,
  'pipeline.execution.succeeded': 'succeeded',
  'pipeline.execution.failed': 'failed',
  'pipeline.execution.stopped': null,
  // The execution's own failure says it (with the stage); a stage failing alone is said once, below.
  'pipeline.stage.failed': 'failed',
  'approval.requested': 'approval',
  'approval.decided': null,
  'approval.expired': null,
  'approval.withdrawn': null,
  'build.failed': 'failed',
  'build.succeeded': 'succeeded',
  'build.fixed': 'fixed',
  'pullRequest.opened': null,
  'pullRequest.approved': null,
  'pullRequest.merged': null,
  'workflow.run.failed': 'failed',
  'workflow.run.succeeded': 'succeeded',
  'workflow.run.fixed': 'fixed',
  'workflow.run.waiting': 'approval',
  'deployment.succeeded': 'deployment',
  'deployment.failed': 'failed',
  'codedeploy.deployment.succeeded': 'deployment',
  'codedeploy.deployment.failed': 'failed',
  'environment.health.degraded': 'health',
  'environment.health.recovered': 'health',
  'stack.failed': 'failed',
  'service.rollout.failed': 'failed',
};

/** What a click on a notification (or on its buttons) acts on: the item, by the ids the window routes with. */
export type NotificationTarget =
  | { page: 'pipeline'; resourceId: string; executionId?: string }
  | { page: 'build'; resourceId: string }
  | { page: 'github-run'; accountKey: string; repository: string; runId: number }
  | { page: 'deploy-target'; resourceId: string }
  | { page: 'codedeploy-deployment'; deploymentId: string }
  | { page: 'approvals' }
  | { page: 'home' };

/** The approval a notification offers Approve and Reject for; the shell asks the hub for it by these ids. */
export type NotificationApproval =
  | { provider: 'aws'; eventId: string; resourceId: string; stage: string; action: string; executionId: string }
  | { provider: 'github'; eventId: string; accountKey: string; repository: string; runId: number };

export interface PlannedNotification {
  /** Stable: the event's id, or `group:` and the ids grouped; the shell replaces a shown one with the same id. */
  id: string;
  kind: NotificationKind | 'group';
  title: string;
  body: string;
  target: NotificationTarget;
  /** Approval requests only: the buttons act on this (always through a confirmation window). */
  approval?: NotificationApproval;
  /** The events it tells of. */
  eventIds: string[];
}

export type SuppressedReason =
  'kind-off' | 'not-notifiable' | 'not-news' | 'muted' | 'paused' | 'quiet-hours' | 'shown';

export interface NotificationPlan {
  notifications: PlannedNotification[];
  suppressed: { eventId: string; reason: SuppressedReason }[];
}

export interface PlanContext {
  now: Date;
  /** Minutes since local midnight now (the user's clock, for quiet hours). */
  localMinutes: number;
  /** Notification ids shown before (a restart, a second delivery): never shown twice. */
  alreadyShown: ReadonlySet<string>;
  /** Project names by id, for titles. */
  projectNames: ReadonlyMap<string, string>;
}

/** More notifications than this at once become one summary (approvals and the rest, each apart). */
export const maxSingleNotifications = 3;
const maxGroupLines = 5;

function minutesOf(clock: string): number {
  const [hours = '0', minutes = '0'] = clock.split(':');
  return Number(hours) * 60 + Number(minutes);
}

/** Whether `minutes` (since local midnight) falls in [from, to); a window may span midnight. */
export function inQuietHours(rules: NotificationRules['quietHours'], minutes: number): boolean {
  if (!rules.enabled) return false;
  const from = minutesOf(rules.from);
  const to = minutesOf(rules.to);
  if (from === to) return false;
  return from < to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
}

export function isPaused(rules: Pick<NotificationRules, 'pausedUntil'>, now: Date): boolean {
  return rules.pausedUntil !== null && Date.parse(rules.pausedUntil) > now.getTime();
}

function why(event: ProjectEvent, rules: NotificationRules, context: PlanContext): SuppressedReason | undefined {
  const kind = notificationKindOf[event.kind];
  if (kind === null) return 'not-notifiable';
  if (!rules.kinds[kind]) return 'kind-off';
  // A cold start's current state is not news, except an approval that waits for the user now.
  if (event.origin === 'current-state' && kind !== 'approval') return 'not-news';
  if (event.projects.length > 0 && event.projects.every((p) => rules.mutedProjects.includes(p))) return 'muted';
  if (isPaused(rules, context.now)) return 'paused';
  if (inQuietHours(rules.quietHours, context.localMinutes)) return 'quiet-hours';
  if (context.alreadyShown.has(event.id)) return 'shown';
  return undefined;
}

/** A stage failure said by its execution's failure in the same batch is said once. */
function coveredStageFailures(events: readonly ProjectEvent[]): Set<string> {
  const failedExecutions = new Set(
    events.flatMap((e) => (e.kind === 'pipeline.execution.failed' ? [`${e.resourceId}/${e.data.executionId}`] : [])),
  );
  return new Set(
    events.flatMap((e) =>
      e.kind === 'pipeline.stage.failed' && failedExecutions.has(`${e.resourceId}/${e.data.executionId}`) ? [e.id] : [],
    ),
  );
}

export function targetOf(event: ChangeEvent): NotificationTarget {
  switch (event.kind) {
    case 'pipeline.execution.started':
    case 'pipeline.execution.succeeded':
    case 'pipeline.execution.failed':
    case 'pipeline.execution.stopped':
    case 'pipeline.stage.failed':
      return { page: 'pipeline', resourceId: event.resourceId, executionId: event.data.executionId };
    case 'approval.requested':
    case 'approval.decided':
    case 'approval.expired':
    case 'approval.withdrawn':
      return { page: 'approvals' };
    case 'build.failed':
    case 'build.succeeded':
    case 'build.fixed':
      return { page: 'build', resourceId: event.resourceId };
    case 'workflow.run.failed':
    case 'workflow.run.succeeded':
    case 'workflow.run.fixed':
    case 'workflow.run.waiting':
      return {
        page: 'github-run',
        accountKey: event.data.accountKey,
        repository: event.data.fullName,
        runId: event.data.runId,
      };
    case 'codedeploy.deployment.succeeded':
    case 'codedeploy.deployment.failed':
      return { page: 'codedeploy-deployment', deploymentId: event.data.deploymentId };
    case 'environment.health.degraded':
    case 'environment.health.recovered':
    case 'stack.failed':
    case 'service.rollout.failed':
      return { page: 'deploy-target', resourceId: event.resourceId };
    case 'deployment.succeeded':
    case 'deployment.failed':
    case 'pullRequest.opened':
    case 'pullRequest.approved':
    case 'pullRequest.merged':
      return { page: 'home' };
  }
}

function approvalOf(event: ChangeEvent): NotificationApproval | undefined {
  if (event.kind === 'approval.requested') {
    const { ref } = event.data;
    return {
      provider: 'aws',
      eventId: event.id,
      resourceId: event.resourceId,
      stage: ref.stage,
      action: ref.action,
      executionId: ref.pipelineExecutionId,
    };
  }
  if (event.kind === 'workflow.run.waiting' && event.data.approvable.length > 0) {
    return {
      provider: 'github',
      eventId: event.id,
      accountKey: event.data.accountKey,
      repository: event.data.fullName,
      runId: event.data.runId,
    };
  }
  return undefined;
}

const kindTitles: Record<NotificationKind, string> = {
  failed: 'Failed',
  fixed: 'Fixed',
  approval: 'Waiting for your approval',
  deployment: 'Deployed',
  health: 'Health changed',
  succeeded: 'Succeeded',
};

function single(event: ProjectEvent, kind: NotificationKind, context: PlanContext): PlannedNotification {
  const project = event.projects.map((p) => context.projectNames.get(p)).find((name) => name !== undefined);
  const approval = approvalOf(event);
  return {
    id: event.id,
    kind,
    title: project ? `${kindTitles[kind]} · ${project}` : kindTitles[kind],
    body: event.summary,
    target: targetOf(event),
    ...(approval ? { approval } : {}),
    eventIds: [event.id],
  };
}

function countsLine(kinds: NotificationKind[]): string {
  const counts = new Map<NotificationKind, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${kindTitles[kind].toLowerCase()}`).join(', ');
}

/** Groups what is left beyond maxSingleNotifications into one summary that opens Home. */
function grouped(items: { event: ProjectEvent; kind: NotificationKind }[]): PlannedNotification {
  const lines = items.slice(0, maxGroupLines).map(({ event }) => event.summary);
  if (items.length > maxGroupLines) lines.push(`and ${items.length - maxGroupLines} more`);
  const ids = items.map(({ event }) => event.id);
  return {
    id: `group:${ids.join(',')}`,
    kind: 'group',
    title: `${items.length} updates: ${countsLine(items.map((i) => i.kind))}`,
    body: lines.join('\n'),
    target: { page: 'home' },
    eventIds: ids,
  };
}

export function planNotifications(
  events: readonly ProjectEvent[],
  rules: NotificationRules,
  context: PlanContext,
): NotificationPlan {
  const suppressed: NotificationPlan['suppressed'] = [];
  const covered = coveredStageFailures(events);
  const approvals: { event: ProjectEvent; notification: PlannedNotification }[] = [];
  const others: { event: ProjectEvent; kind: NotificationKind }[] = [];
  for (const event of events) {
    const reason = covered.has(event.id) ? 'shown' : why(event, rules, context);
    const kind = notificationKindOf[event.kind];
    if (reason !== undefined || kind === null) {
      suppressed.push({ eventId: event.id, reason: reason ?? 'not-notifiable' });
      continue;
    }
    if (kind === 'approval') approvals.push({ event, notification: single(event, kind, context) });
    else others.push({ event, kind });
  }
  // Failures first, then fixes and the rest, oldest first within each: what needs attention leads.
  const rank: Record<NotificationKind, number> = {
    failed: 0,
    health: 1,
    fixed: 2,
    deployment: 3,
    succeeded: 4,
    approval: 5,
  };
  others.sort((a, b) => rank[a.kind] - rank[b.kind] || a.event.at.localeCompare(b.event.at));
  // Approvals stay single (they carry buttons) unless there are too many to read: then one summary opens the inbox.
  const asks =
    approvals.length > maxSingleNotifications
      ? [
          {
            ...grouped(approvals.map((a) => ({ event: a.event, kind: 'approval' as const }))),
            target: { page: 'approvals' as const },
          },
        ]
      : approvals.map((a) => a.notification);
  const rest =
    asks.length + others.length <= maxSingleNotifications
      ? others.map(({ event, kind }) => single(event, kind, context))
      : others.length > 0
        ? [grouped(others)]
        : [];
  return { notifications: [...asks, ...rest], suppressed };
}
