// The desktop feed over a hub that answers from a table: what it hands the
// shell (tray, menu, notifications, windows) for each hub event and each click.
import { afterEach, describe, expect, it } from 'vitest';
import { startDesktopFeed, tickMs, type FeedClock } from '../../src/main/hub/desktop/desktop-feed';
import type { Hub } from '../../src/main/hub/hub';
import type { HubEvent } from '../../src/shared/contract';
import type { ProjectEvent } from '../../src/shared/events';
import { defaultSettings, type ApprovalSummary, type Settings } from '../../src/shared/model';
import type { ProjectsView } from '../../src/shared/projects';
import { idleRefreshStatus } from '../../src/shared/refresh';
import { fail, ok, type Result } from '../../src/shared/result';
import { recordingView } from '../support/recording-desktop-view';
import { execution, pipeline, snapshot, stage } from '../support/snapshot-builders';

const releasePipeline = pipeline({
  name: 'storefront-release',
  executions: [execution('e1', 'Failed', 1)],
  stages: [stage('Build', 'e1', 'Failed')],
});
const projects: ProjectsView = {
  projects: [
    {
      id: 'storefront',
      name: 'Storefront',
      state: 'confirmed',
      created: false,
      mergedFrom: [],
      members: [{ ref: releasePipeline.data.summary.arn, kind: 'pipeline', reasons: [{ kind: 'pipeline' }] }],
    },
    { id: 'maybe', name: 'Proposed', state: 'proposed', created: false, mergedFrom: [], members: [] },
  ],
  dismissed: [],
};

const awsApproval: ApprovalSummary = {
  provider: 'aws',
  approvalId: 'apv_0123456789abcdefAAAA',
  title: 'Approve',
  projectId: 'storefront',
  requestedAt: '2026-11-28T09:00:00Z',
  expiresAt: null,
  submitting: false,
  accountId: '111122223333',
  region: 'eu-west-1',
  pipeline: 'storefront-release',
  stage: 'Prod',
  action: 'Approve',
  pipelineExecutionId: 'exec-1',
  sourceRevisions: [],
  consoleUrl: 'https://console.aws.amazon.com/',
};
const githubApproval: ApprovalSummary = {
  provider: 'github',
  approvalId: 'apv_0123456789abcdefBBBB',
  title: 'Deploy',
  projectId: 'storefront',
  requestedAt: '2026-11-28T09:00:00Z',
  expiresAt: null,
  submitting: false,
  accountKey: 'gh',
  repository: 'acme/shop',
  workflow: 'Deploy',
  runNumber: 12,
  runAttempt: 1,
  headSha: 'abc',
  environments: [{ id: 1, name: 'production', canApprove: true }],
  htmlUrl: 'https://github.com/acme/shop/actions/runs/4242',
};

const location = { accountKey: 'acme', accountId: '111122223333', region: 'eu-west-1' };
function requested(id: string, executionId = 'exec-1'): ProjectEvent {
  return {
    id,
    kind: 'approval.requested',
    resourceId: releasePipeline.id,
    origin: 'change',
    at: '2026-11-28T10:00:00Z',
    summary: `storefront-release waits at Prod (${id})`,
    projects: ['storefront'],
    data: {
      pipeline: 'storefront-release',
      location,
      consoleUrl: '',
      ref: { pipeline: 'storefront-release', stage: 'Prod', action: 'Approve', pipelineExecutionId: executionId },
    },
  };
}
function runWaiting(id: string): ProjectEvent {
  return {
    id,
    kind: 'workflow.run.waiting',
    resourceId: 'github-repository:gh:acme/shop',
    origin: 'change',
    at: '2026-11-28T10:00:00Z',
    summary: 'Deploy #12 waits for production',
    projects: ['storefront'],
    data: {
      accountKey: 'gh',
      fullName: 'acme/shop',
      consoleUrl: 'https://github.com/acme/shop/actions/runs/4242',
      workflow: 'Deploy',
      runId: 4242,
      runNumber: 12,
      runAttempt: 1,
      title: 'Ship it',
      environments: ['production'],
      approvable: ['production'],
      headSha: 'abc',
    },
  };
}
function failed(id: string): ProjectEvent {
  return {
    id,
    kind: 'pipeline.execution.failed',
    resourceId: releasePipeline.id,
    origin: 'change',
    at: '2026-11-28T10:00:00Z',
    summary: `storefront-release failed (${id})`,
    projects: ['storefront'],
    data: {
      pipeline: 'storefront-release',
      location,
      consoleUrl: '',
      executionId: id,
      status: 'Failed',
      revisions: [],
    },
  };
}

/** A hub that answers queries from `state`, records commands, and lets the test push events. */
function tableHub() {
  const state = {
    'settings.get': defaultSettings as Settings,
    'projects.list': projects,
    'snapshot.get': snapshot([releasePipeline]),
    'approvals.list': [awsApproval] as ApprovalSummary[],
    'refresh.status': { ...idleRefreshStatus, lastRefreshAt: '2026-11-28T10:00:00.000Z' },
  };
  const commands: { name: string; payload: unknown }[] = [];
  const reads: string[] = [];
  let listener: ((event: HubEvent) => void) | undefined;
  const hub: Pick<Hub, 'dispatch' | 'subscribe'> = {
    dispatch: (kind, name, payload): Promise<Result<unknown>> => {
      if (kind === 'command') {
        commands.push({ name: String(name), payload });
        return Promise.resolve(ok({}));
      }
      reads.push(String(name));
      const value = state[name as keyof typeof state] as unknown;
      return Promise.resolve(value === undefined ? fail('unknown-message', 'no') : ok(value));
    },
    subscribe: (next) => {
      listener = next;
      return () => (listener = undefined);
    },
  };
  const push = (event: HubEvent) => listener?.(event);
  return { hub, state, commands, reads, push, listening: () => listener !== undefined };
}

function manualClock(start = Date.parse('2026-11-28T10:00:30Z')) {
  let now = start;
  let tick: (() => void) | undefined;
  const clock: FeedClock = {
    now: () => now,
    setInterval: (run) => {
      tick = run;
      return 1;
    },
    clearInterval: () => (tick = undefined),
  };
  return {
    clock,
    advance(ms: number) {
      now += ms;
      tick?.();
    },
    ticking: () => tick !== undefined,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(localMinutes = 12 * 60) {
  const table = tableHub();
  const { view, calls } = recordingView();
  const time = manualClock();
  const feed = startDesktopFeed({ hub: table.hub, view, clock: time.clock, localMinutes: () => localMinutes });
  return { ...table, calls, time, feed };
}

let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('the desktop feed', () => {
  it('draws the tray and menu from the hub once it has read it, confirmed projects only', async () => {
    const { calls, feed } = setup();
    stop = () => feed.close();
    await settle();
    const tray = calls.tray.at(-1);
    expect(tray).toMatchObject({ state: 'approval', counts: { approvals: 1, failing: 1 }, title: '✕1 ●1' });
    expect(tray?.tooltip).toContain('1 approval waiting for you');
    const labels = calls.menus.at(-1)?.map((i) => (i.type === 'separator' ? '—' : i.label));
    expect(labels).toContain('Review storefront-release › Prod…');
    expect(labels).toContain('Storefront — failing');
    expect(labels?.join()).not.toContain('Proposed');
  });

  it('sets the tray and the menu again only when what they show changed', async () => {
    const { calls, feed, push, state } = setup();
    stop = () => feed.close();
    await settle();
    const [trays, menus] = [calls.tray.length, calls.menus.length];
    push({ name: 'approvals.changed', payload: [awsApproval] });
    push({ name: 'refresh.status.changed', payload: state['refresh.status'] });
    expect([calls.tray.length, calls.menus.length]).toEqual([trays, menus]);
    push({ name: 'approvals.changed', payload: [] });
    expect(calls.tray.at(-1)?.state).toBe('failing');
    expect(calls.menus).toHaveLength(menus + 1);
    expect(calls.menus.at(-1)?.some((i) => i.id.startsWith('approval:'))).toBe(false);
  });

  it('reads the snapshot again when it changes, and everything when the workspace does', async () => {
    const { feed, push, reads, state, calls } = setup();
    stop = () => feed.close();
    await settle();
    reads.length = 0;
    state['snapshot.get'] = snapshot([
      pipeline({ name: 'storefront-release', executions: [execution('e2', 'Succeeded', 2)], stages: [] }),
    ]);
    push({ name: 'snapshot.changed', payload: { updatedAt: 'now' } });
    await settle();
    expect(reads).toEqual(['snapshot.get']);
    expect(calls.tray.at(-1)?.counts).toMatchObject({ failing: 0, passing: 1 });
    reads.length = 0;
    push({ name: 'workspace.changed', payload: { awsAccounts: [], githubAccounts: [] } as never });
    await settle();
    expect(reads.sort()).toEqual(['approvals.list', 'projects.list', 'refresh.status', 'settings.get', 'snapshot.get']);
  });

  it('keeps the tooltip’s age current and lifts an ended pause from the menu on its tick', async () => {
    const { calls, feed, push, time } = setup();
    stop = () => feed.close();
    await settle();
    expect(calls.tray.at(-1)?.tooltip).toContain('Updated just now');
    push({
      name: 'settings.changed',
      payload: {
        ...defaultSettings,
        notifications: { ...defaultSettings.notifications, pausedUntil: '2026-11-28T10:02:00Z' },
      },
    });
    expect(calls.menus.at(-1)?.some((i) => i.id === 'resume')).toBe(true);
    time.advance(tickMs * 5);
    expect(calls.tray.at(-1)?.tooltip).toContain('Updated 3 min ago');
    expect(calls.menus.at(-1)?.some((i) => i.id === 'pause')).toBe(true);
  });

  it('notifies delivered events by the user’s rules, each once', async () => {
    const { calls, feed, push } = setup();
    stop = () => feed.close();
    push({ name: 'activity', payload: [failed('f1'), requested('a1')] });
    await settle();
    expect(calls.notified.map((n) => [n.kind, n.title])).toEqual([
      ['approval', 'Waiting for your approval · Storefront'],
      ['failed', 'Failed · Storefront'],
    ]);
    push({ name: 'activity', payload: [failed('f1')] });
    await settle();
    expect(calls.notified).toHaveLength(2);
  });

  it('groups a burst into one summary, and says nothing in quiet hours or while paused', async () => {
    const burst = setup();
    burst.push({ name: 'activity', payload: ['f1', 'f2', 'f3', 'f4', 'f5'].map(failed) });
    await settle();
    expect(burst.calls.notified).toHaveLength(1);
    expect(burst.calls.notified[0]).toMatchObject({ kind: 'group', title: '5 updates: 5 failed' });
    burst.feed.close();

    const night = setup(23 * 60);
    night.push({
      name: 'settings.changed',
      payload: {
        ...defaultSettings,
        notifications: { ...defaultSettings.notifications, quietHours: { enabled: true, from: '22:00', to: '07:00' } },
      },
    });
    night.push({ name: 'activity', payload: [failed('f1'), requested('a1')] });
    await settle();
    expect(night.calls.notified).toEqual([]);
    night.feed.close();

    const paused = setup();
    stop = () => paused.feed.close();
    paused.feed.menuAction({ kind: 'pause', choice: '1h' });
    await settle();
    expect(paused.commands).toEqual([
      {
        name: 'settings.update',
        payload: { notifications: { ...defaultSettings.notifications, pausedUntil: '2026-11-28T11:00:30.000Z' } },
      },
    ]);
  });

  it('opens the review window, never a decision, for an approval still waiting', async () => {
    const { calls, feed, push, commands } = setup();
    stop = () => feed.close();
    push({ name: 'activity', payload: [requested('a1')] });
    await settle();
    const [notification] = calls.notified;
    if (!notification) throw new Error('expected a notification');
    feed.notificationAction(notification, 'approve');
    feed.notificationAction(notification, 'reject');
    feed.notificationClicked(notification);
    await settle();
    expect(calls.reviews).toEqual([
      { approvalId: awsApproval.approvalId, decision: 'approve' },
      { approvalId: awsApproval.approvalId, decision: 'reject' },
      { approvalId: awsApproval.approvalId, decision: undefined },
    ]);
    expect(commands).toEqual([]);
  });

  it('opens a stale approval’s pipeline execution or run with its final state instead', async () => {
    const { calls, feed, push, state } = setup();
    stop = () => feed.close();
    state['approvals.list'] = [githubApproval];
    push({ name: 'activity', payload: [requested('a1'), runWaiting('w1')] });
    await settle();
    const [aws, github] = calls.notified;
    if (!aws || !github) throw new Error('expected two notifications');
    // Decided elsewhere since it was shown: the list read at the click no longer has it.
    feed.notificationAction(aws, 'approve');
    feed.notificationAction(github, 'approve');
    await settle();
    expect(calls.windows).toEqual([`#/pipelines/${encodeURIComponent(releasePipeline.id)}?execution=exec-1`]);
    expect(calls.reviews).toEqual([{ approvalId: githubApproval.approvalId, decision: 'approve' }]);
    state['approvals.list'] = [{ ...githubApproval, submitting: true }];
    feed.notificationAction(github, 'reject');
    state['approvals.list'] = [];
    await settle();
    expect(calls.reviews.at(-1)).toEqual({ approvalId: githubApproval.approvalId, decision: undefined });
    feed.notificationClicked(github);
    await settle();
    expect(calls.windows.at(-1)).toBe('#/github/gh/acme/shop/runs/4242');
  });

  it('routes menu entries, and deep links parsed strictly', async () => {
    const { calls, feed, commands } = setup();
    stop = () => feed.close();
    feed.menuAction({ kind: 'open', target: { page: 'pipeline', resourceId: releasePipeline.id } });
    feed.menuAction({ kind: 'review-approval', approvalId: awsApproval.approvalId });
    feed.menuAction({ kind: 'show-window' });
    feed.menuAction({ kind: 'refresh' });
    feed.menuAction({ kind: 'resume' });
    feed.menuAction({ kind: 'quit' });
    feed.deepLink('starboard://builds');
    feed.deepLink(`starboard://approvals/${awsApproval.approvalId}`);
    feed.deepLink('starboard://approvals/../../etc/passwd');
    feed.deepLink('https://evil.example/');
    // RELIABILITY P12: a link from a web page that asks to approve only shows the window.
    feed.deepLink('starboard://approve?token=AAAA&decision=approve');
    await settle();
    expect(calls.windows).toEqual([
      `#/pipelines/${encodeURIComponent(releasePipeline.id)}`,
      undefined,
      '#/builds',
      undefined,
      undefined,
      undefined,
    ]);
    expect(calls.reviews).toEqual([
      { approvalId: awsApproval.approvalId, decision: undefined },
      { approvalId: awsApproval.approvalId, decision: undefined },
    ]);
    expect(calls.quits).toBe(1);
    expect(commands.map((c) => c.name)).toEqual(['refresh.now', 'settings.update']);
    expect(commands[1]?.payload).toMatchObject({ notifications: { pausedUntil: null } });
  });

  it('stops listening and ticking when closed', async () => {
    const { feed, listening, time, calls, push } = setup();
    await settle();
    feed.close();
    expect(listening()).toBe(false);
    expect(time.ticking()).toBe(false);
    const drawn = calls.tray.length;
    push({ name: 'approvals.changed', payload: [] });
    expect(calls.tray).toHaveLength(drawn);
  });
});
