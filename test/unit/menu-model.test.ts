import { describe, expect, it } from 'vitest';
import {
  maxMenuEntries,
  menuSignature,
  pauseUntil,
  trayMenu,
  type MenuItemModel,
  type MenuProject,
} from '../../src/main/hub/desktop/menu-model';
import type { ApprovalSummary } from '../../src/shared/model';
import { projectHealth } from '../../src/shared/project-health';
import { build, execution, pipeline, stage } from '../support/snapshot-builders';

const now = new Date('2026-11-28T10:00:00Z');
const notPaused = { pausedUntil: null };

function project(id: string, parts: Parameters<typeof projectHealth>[0]): MenuProject {
  return { id, name: id, health: projectHealth(parts) };
}

const failing = project('storefront', {
  pipelines: [
    pipeline({
      name: 'storefront-release',
      executions: [execution('e1', 'Failed', 1)],
      stages: [stage('Build', 'e1', 'Failed')],
    }),
  ],
  builds: [build('web', 7, 'SUCCEEDED')],
  repositories: [],
  githubRepositories: [],
});

const approval = {
  provider: 'aws',
  approvalId: 'apv_0123456789abcdef',
  title: 'Approve',
  pipeline: 'storefront-release',
  stage: 'Prod',
  submitting: false,
} as ApprovalSummary;

function labels(items: readonly MenuItemModel[]): string[] {
  return items.map((i) => (i.type === 'separator' ? '—' : i.label));
}

describe('the tray menu', () => {
  it('lists approvals to review, then projects with their items, then the app entries', () => {
    const menu = trayMenu({ projects: [failing], approvals: [approval], notifications: notPaused, now });
    expect(labels(menu)).toEqual([
      'Waiting for your approval (1)',
      'Review storefront-release › Prod…',
      '—',
      'storefront — failing',
      '—',
      'Refresh now',
      'Pause notifications',
      '—',
      'Open Starboard',
      'Quit Starboard',
    ]);
    expect(menu[1]).toMatchObject({ action: { kind: 'review-approval', approvalId: 'apv_0123456789abcdef' } });
    const storefront = menu[3];
    if (storefront?.type !== 'submenu') throw new Error('expected a submenu');
    expect(labels(storefront.items)).toEqual(['storefront-release — failing', '—', 'web #7 — passing']);
    expect(storefront.items[0]).toMatchObject({
      action: { kind: 'open', target: { page: 'pipeline', resourceId: 'pipeline:acme:eu-west-1:storefront-release' } },
    });
    expect(storefront.items[2]).toMatchObject({
      action: {
        kind: 'open',
        target: { page: 'build', resourceId: 'build:arn:aws:codebuild:eu-west-1:111122223333:build/web:0007' },
      },
    });
  });

  it('disables an approval whose decision is in flight, and says when there are no projects', () => {
    const menu = trayMenu({
      projects: [],
      approvals: [{ ...approval, submitting: true }],
      notifications: notPaused,
      now,
    });
    expect(menu[1]).toMatchObject({ enabled: false });
    expect(labels(menu)).toContain('No projects yet');
  });

  it('offers pausing while notifications are on, and resuming while paused', () => {
    const on = trayMenu({ projects: [], approvals: [], notifications: notPaused, now });
    const pause = on.find((i) => i.id === 'pause');
    if (pause?.type !== 'submenu') throw new Error('expected the pause submenu');
    expect(pause.items.map((i) => (i.type === 'item' ? i.action : undefined))).toEqual([
      { kind: 'pause', choice: '1h' },
      { kind: 'pause', choice: 'tomorrow' },
      { kind: 'pause', choice: 'off' },
    ]);
    const paused = trayMenu({
      projects: [],
      approvals: [],
      notifications: { pausedUntil: '2026-11-28T11:00:00Z' },
      now,
    });
    expect(labels(paused)).toContain('Resume notifications');
    expect(labels(paused)).not.toContain('Pause notifications');
  });

  it('caps a long list with a "more" entry', () => {
    const many = Array.from({ length: 20 }, (_, i) =>
      project(`p${i}`, { pipelines: [], builds: [], repositories: [], githubRepositories: [] }),
    );
    const menu = trayMenu({ projects: many, approvals: [], notifications: notPaused, now });
    const projects = menu.filter((i) => i.id.startsWith('project'));
    expect(projects).toHaveLength(maxMenuEntries);
    expect(projects.at(-1)).toMatchObject({ label: '9 more in Starboard…', action: { kind: 'show-window' } });
  });

  it('has a signature that changes only when what it shows changes', () => {
    const a = trayMenu({ projects: [failing], approvals: [], notifications: notPaused, now });
    const b = trayMenu({
      projects: [failing],
      approvals: [],
      notifications: notPaused,
      now: new Date(now.getTime() + 60_000),
    });
    expect(menuSignature(a)).toBe(menuSignature(b));
    const c = trayMenu({ projects: [failing], approvals: [approval], notifications: notPaused, now });
    expect(menuSignature(c)).not.toBe(menuSignature(a));
  });
});

describe('pausing', () => {
  it('for an hour, until tomorrow 08:00 local, or until turned on', () => {
    expect(pauseUntil('1h', now)).toBe('2026-11-28T11:00:00.000Z');
    const tomorrow = new Date(pauseUntil('tomorrow', now));
    expect(tomorrow.getHours()).toBe(8);
    expect(tomorrow.getTime()).toBeGreaterThan(now.getTime());
    expect(tomorrow.getTime() - now.getTime()).toBeLessThanOrEqual(2 * 86_400_000);
    expect(Date.parse(pauseUntil('off', now))).toBeGreaterThan(Date.parse('9000-01-01'));
  });
});
