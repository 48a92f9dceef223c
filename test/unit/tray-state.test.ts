import { describe, expect, it } from 'vitest';
import { trayState, type TrayProject } from '../../src/main/hub/desktop/tray-state';
import type { RunStatus } from '../../src/shared/project-health';
import { idleRefreshStatus } from '../../src/shared/refresh';

const project = (id: string, overall: RunStatus): TrayProject => ({
  id,
  name: id,
  health: {
    overall,
    approvalsWaiting: 0,
    counts: { failed: 0, running: 0, succeeded: 0, stopped: 0, skipped: 0, 'not-run': 0, unknown: 0, [overall]: 1 },
  },
});

const refresh = idleRefreshStatus;

describe('the tray state', () => {
  it('shows the most urgent state: approval, failing, offline, sign-in, running, passing, idle', () => {
    const all = [project('a', 'failed'), project('b', 'running'), project('c', 'succeeded')];
    expect(trayState({ projects: all, approvals: 1, refresh }).state).toBe('approval');
    expect(trayState({ projects: all, approvals: 0, refresh }).state).toBe('failing');
    const offline = { ...refresh, online: false };
    expect(trayState({ projects: all.slice(1), approvals: 0, refresh: offline }).state).toBe('offline');
    const signIn = { ...refresh, needsSignIn: ['work'] };
    expect(trayState({ projects: all.slice(1), approvals: 0, refresh: signIn }).state).toBe('sign-in');
    expect(trayState({ projects: all.slice(1), approvals: 0, refresh }).state).toBe('running');
    expect(trayState({ projects: all.slice(2), approvals: 0, refresh }).state).toBe('passing');
    expect(trayState({ projects: [], approvals: 0, refresh }).state).toBe('idle');
  });

  it('counts in the tooltip and, on macOS, failures and approvals beside the icon', () => {
    const tray = trayState({
      projects: [project('a', 'failed'), project('b', 'failed'), project('c', 'succeeded')],
      approvals: 1,
      refresh: { ...refresh, online: false, needsSignIn: ['work'], lastRefreshAt: '2026-11-28T09:55:00Z' },
      now: new Date('2026-11-28T10:00:00Z'),
    });
    expect(tray.tooltip.split('\n')).toEqual([
      'Starboard',
      '1 approval waiting for you',
      '2 projects failing',
      '1 project passing',
      'Offline: showing the last known state',
      '1 account needs a sign-in',
      'Updated 5 min ago',
    ]);
    expect(tray.title).toBe('✕2 ●1');
    expect(tray.counts).toEqual({ failing: 2, running: 0, passing: 1, approvals: 1, needsSignIn: 1 });
  });

  it('has no title when all is well, and says when there is nothing yet', () => {
    expect(trayState({ projects: [project('a', 'succeeded')], approvals: 0, refresh }).title).toBe('');
    expect(trayState({ projects: [], approvals: 0, refresh }).tooltip).toBe('Starboard\nNo projects yet');
  });
});
