import { describe, expect, it } from 'vitest';
import {
  inQuietHours,
  maxSingleNotifications,
  planNotifications,
  type PlanContext,
} from '../../src/main/hub/desktop/notification-plan';
import type { ChangeEvent, ProjectEvent } from '../../src/shared/events';
import { defaultNotificationRules, type NotificationRules } from '../../src/shared/model';

const location = { accountKey: 'work', accountId: '111122223333', region: 'eu-west-1' };
const pipelineResource = 'pipeline:work:eu-west-1:storefront';

function event(partial: Pick<ChangeEvent, 'id' | 'kind' | 'data'> & Partial<ProjectEvent>): ProjectEvent {
  return {
    resourceId: pipelineResource,
    origin: 'change',
    at: '2026-11-28T10:00:00Z',
    summary: `${partial.kind} ${partial.id}`,
    projects: ['storefront'],
    ...partial,
  };
}

const execution = (status: string, executionId = 'e-1') => ({
  pipeline: 'storefront',
  location,
  consoleUrl: 'https://console.aws.amazon.com/',
  executionId,
  status,
  revisions: [],
});

const failed = (id: string, executionId = id) =>
  event({ id, kind: 'pipeline.execution.failed', data: execution('Failed', executionId) });
const succeeded = (id: string) => event({ id, kind: 'pipeline.execution.succeeded', data: execution('Succeeded', id) });
const buildFixed = (id: string) =>
  event({
    id,
    kind: 'build.fixed',
    resourceId: `build:arn:aws:codebuild:eu-west-1:111122223333:build/web:${id}`,
    data: { project: 'web', location, buildId: id, arn: 'arn', status: 'SUCCEEDED', consoleUrl: '', failedBefore: 2 },
  });
const approval = (id: string, origin: ProjectEvent['origin'] = 'change') =>
  event({
    id,
    kind: 'approval.requested',
    origin,
    data: {
      pipeline: 'storefront',
      location,
      consoleUrl: '',
      ref: { pipeline: 'storefront', stage: 'Prod', action: 'Approve', pipelineExecutionId: id },
    },
  });

const context = (overrides: Partial<PlanContext> = {}): PlanContext => ({
  now: new Date('2026-11-28T10:00:00Z'),
  localMinutes: 12 * 60,
  alreadyShown: new Set(),
  projectNames: new Map([['storefront', 'Storefront']]),
  ...overrides,
});

const rules = (overrides: Partial<NotificationRules> = {}): NotificationRules => ({
  ...defaultNotificationRules,
  ...overrides,
});

describe('the notification plan', () => {
  it('notifies failures, fixes and approvals by default, not successes', () => {
    const plan = planNotifications([failed('f'), succeeded('s'), buildFixed('b'), approval('a')], rules(), context());
    expect(plan.notifications.map((n) => [n.kind, n.id])).toEqual([
      ['approval', 'a'],
      ['failed', 'f'],
      ['fixed', 'b'],
    ]);
    expect(plan.suppressed).toEqual([{ eventId: 's', reason: 'kind-off' }]);
  });

  it('names the project, opens the item, and offers an approval its buttons', () => {
    const [ask, failure] = planNotifications([approval('a'), failed('f')], rules(), context()).notifications;
    expect(ask).toMatchObject({
      title: 'Waiting for your approval · Storefront',
      target: { page: 'approvals' },
      approval: { provider: 'aws', resourceId: pipelineResource, stage: 'Prod', action: 'Approve', executionId: 'a' },
    });
    expect(failure).toMatchObject({ target: { page: 'pipeline', resourceId: pipelineResource, executionId: 'f' } });
    expect(failure?.approval).toBeUndefined();
  });

  it('says a stage failure once when its execution failed in the same batch', () => {
    const stage = event({
      id: 'stage',
      kind: 'pipeline.stage.failed',
      data: { pipeline: 'storefront', location, consoleUrl: '', stage: 'Build', executionId: 'e-9', failedActions: [] },
    });
    const plan = planNotifications([stage, failed('exec', 'e-9')], rules(), context());
    expect(plan.notifications.map((n) => n.id)).toEqual(['exec']);
  });

  it('does not call a cold start news, except an approval waiting now', () => {
    const cold = { ...failed('f'), origin: 'current-state' as const };
    const plan = planNotifications([cold, approval('a', 'current-state')], rules(), context());
    expect(plan.notifications.map((n) => n.id)).toEqual(['a']);
    expect(plan.suppressed).toEqual([{ eventId: 'f', reason: 'not-news' }]);
  });

  it('groups a burst into one summary, approvals kept apart', () => {
    const burst = Array.from({ length: 8 }, (_, i) => failed(`f${i}`));
    const plan = planNotifications([...burst, buildFixed('b'), approval('a')], rules(), context());
    expect(plan.notifications).toHaveLength(2);
    const [ask, group] = plan.notifications;
    expect(ask?.id).toBe('a');
    expect(group).toMatchObject({ kind: 'group', title: '9 updates: 8 failed, 1 fixed', target: { page: 'home' } });
    expect(group?.eventIds).toHaveLength(9);
    expect(group?.body.split('\n')).toHaveLength(6);
    expect(group?.body).toContain('and 4 more');
  });

  it('groups many approvals into one that opens the inbox', () => {
    const asks = Array.from({ length: maxSingleNotifications + 1 }, (_, i) => approval(`a${i}`));
    const plan = planNotifications(asks, rules(), context());
    expect(plan.notifications).toEqual([expect.objectContaining({ kind: 'group', target: { page: 'approvals' } })]);
    expect(plan.notifications[0]).not.toHaveProperty('approval');
  });

  it('keeps up to the limit as single notifications', () => {
    const plan = planNotifications([failed('f1'), failed('f2'), approval('a')], rules(), context());
    expect(plan.notifications.map((n) => n.kind)).toEqual(['approval', 'failed', 'failed']);
  });

  it('stays quiet while paused, in quiet hours, for muted projects and for what was shown', () => {
    const paused = rules({ pausedUntil: '2026-11-28T11:00:00Z' });
    expect(planNotifications([failed('f')], paused, context()).suppressed).toEqual([
      { eventId: 'f', reason: 'paused' },
    ]);
    const pauseOver = rules({ pausedUntil: '2026-11-28T09:00:00Z' });
    expect(planNotifications([failed('f')], pauseOver, context()).notifications).toHaveLength(1);

    const quiet = rules({ quietHours: { enabled: true, from: '22:00', to: '08:00' } });
    expect(planNotifications([approval('a')], quiet, context({ localMinutes: 23 * 60 })).suppressed).toEqual([
      { eventId: 'a', reason: 'quiet-hours' },
    ]);
    expect(planNotifications([approval('a')], quiet, context({ localMinutes: 9 * 60 })).notifications).toHaveLength(1);

    expect(planNotifications([failed('f')], rules({ mutedProjects: ['storefront'] }), context()).suppressed).toEqual([
      { eventId: 'f', reason: 'muted' },
    ]);
    // An event of two projects still notifies while one of them is not muted.
    const shared = { ...failed('g'), projects: ['storefront', 'payments'] };
    expect(planNotifications([shared], rules({ mutedProjects: ['storefront'] }), context()).notifications).toHaveLength(
      1,
    );

    expect(planNotifications([failed('f')], rules(), context({ alreadyShown: new Set(['f']) })).suppressed).toEqual([
      { eventId: 'f', reason: 'shown' },
    ]);
  });

  it('never notifies what is only for the feed', () => {
    const started = event({ id: 's', kind: 'pipeline.execution.started', data: execution('InProgress') });
    expect(planNotifications([started], rules(), context()).suppressed).toEqual([
      { eventId: 's', reason: 'not-notifiable' },
    ]);
  });
});

describe('quiet hours', () => {
  const window = (from: string, to: string) => ({ enabled: true, from, to });
  it.each([
    ['22:00', '08:00', 23 * 60, true],
    ['22:00', '08:00', 7 * 60 + 59, true],
    ['22:00', '08:00', 8 * 60, false],
    ['22:00', '08:00', 21 * 60 + 59, false],
    ['12:00', '13:30', 12 * 60 + 45, true],
    ['12:00', '13:30', 13 * 60 + 30, false],
    ['09:00', '09:00', 9 * 60, false],
  ])('%s–%s at minute %i: %s', (from, to, minute, quiet) => {
    expect(inQuietHours(window(from, to), minute)).toBe(quiet);
  });

  it('is off when disabled', () => {
    expect(inQuietHours({ enabled: false, from: '00:00', to: '23:59' }, 60)).toBe(false);
  });
});
