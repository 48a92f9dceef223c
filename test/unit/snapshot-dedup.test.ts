import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveredEvents, deliveredFileName } from '../../src/main/hub/snapshot/dedup';
import { diffSnapshots } from '../../src/main/hub/snapshot/diff';
import { SnapshotStore, snapshotFileName } from '../../src/main/hub/snapshot/store';
import { action, execution, fakeTimers, pipeline, snapshot, stage, waiting } from '../support/snapshot-builders';
import { tempDir } from '../support/temp-hub';

const ev = (id: string) => ({ id });
const ids = (events: { id: string }[]) => events.map((e) => e.id);

describe('delivered events (dedup)', () => {
  let dir: string;
  let remove: () => void;
  beforeEach(() => ({ dir, remove } = tempDir()));
  afterEach(() => remove());

  const open = (timers = fakeTimers(), limits?: { maxIds: number; maxAgeMs: number }) =>
    DeliveredEvents.open({ dir, timers, ...(limits ? { limits } : {}) });

  it('hands out each id once, also within one batch', async () => {
    const delivered = open();
    expect(ids(await delivered.claim([ev('a'), ev('b'), ev('a')]))).toEqual(['a', 'b']);
    expect(ids(await delivered.claim([ev('b'), ev('c')]))).toEqual(['c']);
    expect(delivered.has('a')).toBe(true);
  });

  it('never hands out an id twice across a restart, and writes the file atomically, owner-only', async () => {
    const first = open();
    await first.claim([ev('build.failed:arn:1')]);
    expect(readdirSync(dir)).toEqual([deliveredFileName]);
    expect(statSync(join(dir, deliveredFileName)).mode & 0o777).toBe(0o600);
    // No close: the claim itself must have reached the disk (a crash right after delivering).
    const second = open();
    expect(await second.claim([ev('build.failed:arn:1'), ev('build.failed:arn:2')])).toEqual([
      ev('build.failed:arn:2'),
    ]);
  });

  it('gives an id to exactly one of two claims racing', async () => {
    const delivered = open();
    const [one, two] = await Promise.all([delivered.claim([ev('x')]), delivered.claim([ev('x')])]);
    expect([...one, ...two]).toEqual([ev('x')]);
  });

  it('is bounded by size (oldest forgotten first) and by age', async () => {
    const timers = fakeTimers();
    const delivered = open(timers, { maxIds: 3, maxAgeMs: 60_000 });
    for (const id of ['a', 'b', 'c', 'd']) {
      await delivered.claim([ev(id)]);
      timers.advance(1_000);
    }
    expect(['a', 'b', 'c', 'd'].filter((id) => delivered.has(id))).toEqual(['b', 'c', 'd']);
    timers.advance(58_500);
    await delivered.claim([ev('e')]);
    expect(['b', 'c', 'd', 'e'].filter((id) => delivered.has(id))).toEqual(['d', 'e']);
    const reopened = open(timers, { maxIds: 3, maxAgeMs: 60_000 });
    expect(reopened.size).toBe(2);
  });

  it('keeps a corrupt file aside and starts empty; drops malformed entries only', async () => {
    writeFileSync(join(dir, deliveredFileName), 'not json');
    const fresh = open();
    expect(fresh.notices).toHaveLength(1);
    expect(fresh.size).toBe(0);
    rmSync(join(dir, deliveredFileName), { force: true });
    const now = fakeTimers().now();
    writeFileSync(
      join(dir, deliveredFileName),
      JSON.stringify({ version: 1, delivered: [['a', now], ['b'], 7, ['c', now]] }),
    );
    const partial = open();
    expect(partial.notices).toEqual([]);
    expect(ids(await partial.claim([ev('a'), ev('b'), ev('c')]))).toEqual(['b']);
  });
});

describe('events across a restart (snapshot + dedup over the same folder)', () => {
  let dir: string;
  let remove: () => void;
  beforeEach(() => ({ dir, remove } = tempDir()));
  afterEach(() => remove());

  const waitingPipeline = pipeline({
    executions: [execution('e1', 'InProgress', 0)],
    stages: [stage('Approve', 'e1', 'InProgress', [action('Manual', 'InProgress')])],
    waitingApprovals: [waiting('Approve', 'Manual', 'e1')],
  });

  /** One refresh as the hub will run it: update the store, diff, claim. */
  async function refresh(store: SnapshotStore, delivered: DeliveredEvents, next = snapshot([waitingPipeline])) {
    const { previous, current } = store.update(() => next);
    return ids(await delivered.claim(diffSnapshots(previous, current)));
  }

  it('delivers the waiting approval once, whether the snapshot survives the restart or is lost', async () => {
    const timers = fakeTimers();
    const first = { store: SnapshotStore.open({ dir, timers }), delivered: DeliveredEvents.open({ dir, timers }) };
    const before = snapshot([pipeline({ executions: [execution('e1', 'InProgress', 0)], stages: [] })]);
    first.store.update(() => before);
    expect(await refresh(first.store, first.delivered)).toEqual([
      'approval.requested:pipeline:acme:eu-west-1:web:Approve:Manual:e1',
    ]);
    await first.store.close();

    const second = { store: SnapshotStore.open({ dir, timers }), delivered: DeliveredEvents.open({ dir, timers }) };
    expect(second.store.loaded.fromDisk).toBe(true);
    expect(await refresh(second.store, second.delivered)).toEqual([]);
    await second.store.close();

    rmSync(join(dir, snapshotFileName));
    const third = { store: SnapshotStore.open({ dir, timers }), delivered: DeliveredEvents.open({ dir, timers }) };
    expect(second.store.current.resources).not.toEqual(third.store.current.resources);
    expect(await refresh(third.store, third.delivered)).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, deliveredFileName), 'utf8'))).toMatchObject({ version: 1 });
  });
});
