import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HubEvent } from '../../src/shared/contract';
import { fakeDemo, recordingLogger, tempDir, tempHub } from '../support/temp-hub';

describe('the demo workspace', () => {
  let dir: string;
  let remove: () => void;
  beforeEach(() => ({ dir, remove } = tempDir()));
  afterEach(() => remove());

  it('shows the demo workspace while open, and the user’s again after', async () => {
    const start = fakeDemo();
    const { hub, store } = tempHub(dir, recordingLogger(), start);
    const events: HubEvent[] = [];
    hub.subscribe((event) => events.push(event));

    expect(await hub.dispatch('query', 'demo.status', {})).toEqual({
      ok: true,
      value: { active: false, state: 'off' },
    });
    expect(await hub.dispatch('command', 'demo.open', {})).toEqual({ ok: true, value: { active: true, state: 'on' } });
    expect(await hub.dispatch('query', 'workspace.get', {})).toMatchObject({
      ok: true,
      value: { projects: { created: [{ id: 'demo-project', name: 'Demo project' }] } },
    });
    const names = events.map((e) => e.name);
    expect(names.slice(0, 2)).toEqual(['demo.changed', 'demo.changed']);
    // The demo's live picture replaces the user's: its projects, snapshot and approvals, then the workspace.
    for (const name of ['projects.changed', 'snapshot.changed', 'approvals.changed', 'aws.accounts.changed'] as const)
      expect(names.indexOf(name)).toBeLessThan(names.lastIndexOf('workspace.changed'));
    expect(await hub.dispatch('query', 'projects.list', {})).toMatchObject({
      ok: true,
      value: { projects: [{ id: 'demo-project', name: 'Demo project', state: 'confirmed', created: true }] },
    });

    expect(await hub.dispatch('command', 'demo.close', {})).toEqual({
      ok: true,
      value: { active: false, state: 'off' },
    });
    expect(start.stops).toBe(1);
    expect(await hub.dispatch('query', 'workspace.get', {})).toEqual({ ok: true, value: store.workspace });
  });

  it('never writes the demo into the settings file', async () => {
    const { hub, store } = tempHub(dir);
    store.updateSettings({ theme: 'dark' });
    await hub.dispatch('command', 'demo.open', {});
    await hub.dispatch('command', 'settings.update', { theme: 'light' });
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).not.toContain('demo');
  });

  it('starts one simulator however many times it is opened at once', async () => {
    let starts = 0;
    const start = fakeDemo();
    const counting = Object.assign(async () => {
      starts += 1;
      return start();
    }, {});
    const { hub } = tempHub(dir, recordingLogger(), counting);
    await Promise.all([hub.dispatch('command', 'demo.open', {}), hub.dispatch('command', 'demo.open', {})]);
    await hub.dispatch('command', 'demo.open', {});
    expect(starts).toBe(1);
  });

  it('says why when the demo cannot start, and keeps the user’s workspace', async () => {
    const { hub, store } = tempHub(dir, recordingLogger(), () => Promise.reject(new Error('port in use')));
    expect(await hub.dispatch('command', 'demo.open', {})).toEqual({
      ok: true,
      value: { active: false, state: 'failed', message: 'The demo could not start: port in use' },
    });
    expect(await hub.dispatch('query', 'workspace.get', {})).toEqual({ ok: true, value: store.workspace });
  });

  it('stops the simulator when the hub closes', async () => {
    const start = fakeDemo();
    const { hub } = tempHub(dir, recordingLogger(), start);
    await hub.dispatch('command', 'demo.open', {});
    await hub.close();
    expect(start.stops).toBe(1);
  });
});
