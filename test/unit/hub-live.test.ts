// The hub's live messages without any provider: an empty workspace answers
// at once, project edits are validated and stored, and the window's signals
// reach the refresh scheduler.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HubEvent } from '../../src/shared/contract';
import { recordingLogger, tempDir, tempHub } from '../support/temp-hub';

let dir: string;
let remove: () => void;
beforeEach(() => ({ dir, remove } = tempDir()));
afterEach(() => remove());

describe('the hub with an empty workspace', () => {
  it('answers the live queries at once', async () => {
    const { hub } = tempHub(dir);
    expect(await hub.dispatch('query', 'projects.list', {})).toEqual({
      ok: true,
      value: { projects: [], dismissed: [] },
    });
    expect(await hub.dispatch('query', 'snapshot.get', {})).toMatchObject({
      ok: true,
      value: { resources: {}, sources: {} },
    });
    expect(await hub.dispatch('query', 'activity.recent', {})).toEqual({ ok: true, value: [] });
    expect(await hub.dispatch('query', 'refresh.status', {})).toMatchObject({
      ok: true,
      value: { lastRefreshAt: null, online: true, tasks: 0 },
    });
    expect(await hub.dispatch('query', 'approvals.list', {})).toEqual({ ok: true, value: [] });
    await hub.close();
  });

  it('creates, renames and refuses bad project edits, and stores them in the workspace', async () => {
    const { hub, store } = tempHub(dir);
    const events: HubEvent[] = [];
    hub.subscribe((event) => events.push(event));
    expect(
      await hub.dispatch('command', 'projects.edit', { kind: 'create', project: 'shop', name: 'Shop' }),
    ).toMatchObject({
      ok: true,
      value: { projects: [{ id: 'shop', name: 'Shop', state: 'confirmed', created: true }] },
    });
    expect(
      await hub.dispatch('command', 'projects.edit', { kind: 'rename', project: 'shop', name: 'Web shop' }),
    ).toMatchObject({
      ok: true,
      value: { projects: [{ id: 'shop', name: 'Web shop' }] },
    });
    expect(
      await hub.dispatch('command', 'projects.edit', { kind: 'rename', project: 'nope', name: 'X' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(
      await hub.dispatch('command', 'projects.edit', { kind: 'create', project: '../etc', name: 'X' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(store.workspace.projects.created).toEqual([{ id: 'shop', name: 'Web shop' }]);
    expect(store.workspace.projects.renamed).toEqual({ shop: 'Web shop' });
    expect(events.filter((e) => e.name === 'projects.changed')).toHaveLength(2);
    await hub.close();
  });

  it('passes the window signals to the scheduler and refuses unknown fields', async () => {
    const { hub } = tempHub(dir, recordingLogger());
    expect(await hub.dispatch('command', 'app.signal', { visible: false, online: false })).toEqual({
      ok: true,
      value: {},
    });
    expect(await hub.dispatch('query', 'refresh.status', {})).toMatchObject({ ok: true, value: { online: false } });
    expect(await hub.dispatch('command', 'app.signal', { online: true })).toEqual({ ok: true, value: {} });
    expect(await hub.dispatch('query', 'refresh.status', {})).toMatchObject({ ok: true, value: { online: true } });
    expect(await hub.dispatch('command', 'app.signal', { visible: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await hub.dispatch('command', 'refresh.now', {})).toEqual({
      ok: true,
      value: { queued: 0, running: 0, needsSignIn: 0 },
    });
    await hub.close();
  });
});
