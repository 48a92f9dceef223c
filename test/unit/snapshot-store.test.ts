import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SnapshotStore, snapshotFileName } from '../../src/main/hub/snapshot/store';
import { applyRead } from '../../src/main/hub/snapshot/update';
import type { Snapshot } from '../../src/shared/snapshot';
import {
  build,
  execution,
  fakeTimers,
  pipeline,
  pullRequest,
  repository,
  snapshot,
  source,
} from '../support/snapshot-builders';
import { recordingLogger, tempDir } from '../support/temp-hub';

const sample = (): Snapshot =>
  snapshot([
    pipeline({ executions: [execution('e1', 'Failed', 0)] }),
    build('api', 1, 'FAILED'),
    build('api', 2, 'SUCCEEDED'),
    repository([pullRequest('7')]),
  ]);

describe('the snapshot store', () => {
  let dir: string;
  let remove: () => void;
  beforeEach(() => ({ dir, remove } = tempDir()));
  afterEach(() => remove());

  const file = () => join(dir, snapshotFileName);
  const onDisk = () => JSON.parse(readFileSync(file(), 'utf8')) as Snapshot;
  const open = (timers = fakeTimers(), log = recordingLogger()) => SnapshotStore.open({ dir, timers, log });

  it('starts empty without a file, and says it did not come from disk', () => {
    const store = open();
    expect(store.current.resources).toEqual({});
    expect(store.loaded).toEqual({ fromDisk: false, notices: [], dropped: [] });
  });

  it('round-trips: a new store over the same folder starts with the last snapshot at once', async () => {
    const first = open();
    first.update(() => sample());
    await first.close();
    const second = open();
    expect(second.loaded.fromDisk).toBe(true);
    expect(second.current).toEqual(first.current);
    expect(Object.keys(second.current.resources)).toHaveLength(4);
  });

  it('writes atomically: the file only, readable by its owner only, and no temp file left', async () => {
    const store = open();
    store.update(() => sample());
    await store.flush();
    expect(readdirSync(dir)).toEqual([snapshotFileName]);
    expect(statSync(file()).mode & 0o777).toBe(0o600);
  });

  it('removes temp files a killed process left behind', () => {
    writeFileSync(join(dir, `${snapshotFileName}.abc123.tmp`), '{"half');
    open();
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['broken JSON', '{"version": 1, "resources": '],
    ['an unknown version', JSON.stringify({ ...sample(), version: 2 })],
    ['no resources', JSON.stringify({ version: 1, updatedAt: 'x', sources: {} })],
  ])('keeps a file with %s aside, reports it and starts empty', (_label, text) => {
    writeFileSync(file(), text);
    const log = recordingLogger();
    const store = open(fakeTimers(), log);
    expect(store.current.resources).toEqual({});
    expect(store.loaded.notices).toEqual([
      {
        file: file(),
        keptAs: expect.stringMatching(/snapshot\.invalid-2026-03-01T10-00-00-000Z\.json$/) as unknown,
        reason: expect.any(String) as unknown,
      },
    ]);
    expect(existsSync(file())).toBe(false);
    expect(readFileSync(store.loaded.notices[0]?.keptAs ?? '', 'utf8')).toBe(text);
    expect(log.lines).toEqual([expect.objectContaining({ level: 'warn' })]);
  });

  it('drops only the resources that fail their schema, and keeps the rest', () => {
    const good = sample();
    const api1 = 'build:arn:aws:codebuild:eu-west-1:111122223333:build/api:0001';
    const text = JSON.stringify({
      ...good,
      resources: {
        ...good.resources,
        [api1]: { ...good.resources[api1], data: { ...good.resources[api1]?.data, status: 'EXPLODED' } },
        'build:not-its-key': good.resources[api1],
        'pipeline:acme:eu-west-1:posing': { ...good.resources[api1], id: 'pipeline:acme:eu-west-1:posing' },
      },
    });
    writeFileSync(file(), text);
    const store = open();
    expect(store.loaded.fromDisk).toBe(true);
    expect(store.loaded.notices).toEqual([]);
    expect(store.loaded.dropped.sort()).toEqual([api1, 'build:not-its-key', 'pipeline:acme:eu-west-1:posing'].sort());
    expect(Object.keys(store.current.resources)).toHaveLength(3);
  });

  it('bounds history lists: executions per pipeline, builds per project', async () => {
    const store = open();
    const executions = Array.from({ length: 30 }, (_, i) => execution(`e${30 - i}`, 'Succeeded', 30 - i));
    const builds = Array.from({ length: 25 }, (_, i) => build('api', i + 1, 'SUCCEEDED'));
    store.update(() => snapshot([pipeline({ executions }), ...builds]));
    await store.flush();
    const saved = onDisk();
    const kept = Object.values(saved.resources);
    expect(kept.filter((r) => r.kind === 'build')).toHaveLength(20);
    expect(kept.find((r) => r.kind === 'build' && r.data.number === 25)).toBeDefined();
    expect(kept.find((r) => r.kind === 'build' && r.data.number === 5)).toBeUndefined();
    const web = kept.find((r) => r.kind === 'pipeline');
    expect(web?.kind === 'pipeline' ? web.data.executions?.map((e) => e.pipelineExecutionId).slice(0, 2) : []).toEqual([
      'e30',
      'e29',
    ]);
    expect(web?.kind === 'pipeline' ? web.data.executions : []).toHaveLength(20);
  });

  it('returns both sides of a change, stamped with the store clock', () => {
    const timers = fakeTimers();
    const store = open(timers);
    const { previous, current } = store.update((s) =>
      applyRead(s, {
        source,
        kind: 'build',
        freshness: { fetchedAt: 'x' },
        resources: [build('api', 1, 'FAILED')],
        complete: false,
      }),
    );
    expect(previous.resources).toEqual({});
    expect(Object.keys(current.resources)).toHaveLength(1);
    expect(current.updatedAt).toBe('2026-03-01T10:00:00.000Z');
    expect(store.current).toBe(current);
    expect(store.update((s) => s)).toEqual({ previous: current, current });
  });

  it('writes nothing for a change that changed nothing', () => {
    const timers = fakeTimers();
    const store = open(timers);
    store.update((s) => s);
    expect(store.pendingWrite).toBe(false);
    expect(timers.waiting).toBe(0);
  });
});

describe('write coalescing (fake clock)', () => {
  let dir: string;
  let remove: () => void;
  beforeEach(() => ({ dir, remove } = tempDir()));
  afterEach(() => remove());

  const buildsOnDisk = () =>
    Object.keys((JSON.parse(readFileSync(join(dir, snapshotFileName), 'utf8')) as Snapshot).resources).length;

  it('writes at most once per interval under churn, and everything on close', async () => {
    const timers = fakeTimers();
    const store = SnapshotStore.open({ dir, timers, writeIntervalMs: 5_000 });
    const add = (n: number) =>
      store.update((s) => ({
        ...s,
        resources: { ...s.resources, [build('api', n, 'SUCCEEDED').id]: build('api', n, 'SUCCEEDED') },
      }));

    add(1);
    add(2);
    timers.advance(0);
    // Nothing is pending any more: flush only waits for the write the timer started.
    await store.flush();
    expect(buildsOnDisk()).toBe(2);

    add(3);
    timers.advance(1_000);
    add(4);
    timers.advance(3_000);
    expect(store.pendingWrite).toBe(true);
    expect(buildsOnDisk()).toBe(2);

    timers.advance(1_000);
    expect(store.pendingWrite).toBe(false);
    await store.flush();
    expect(buildsOnDisk()).toBe(4);

    add(5);
    await store.close();
    expect(buildsOnDisk()).toBe(5);
    expect(timers.waiting).toBe(0);
    add(6);
    expect(timers.waiting).toBe(0);
  });

  it('logs a failed write and tries again at the next interval', async () => {
    const timers = fakeTimers();
    const log = recordingLogger();
    const store = SnapshotStore.open({ dir, timers, writeIntervalMs: 5_000, log });
    // A folder where the file should be: the rename onto it fails.
    mkdirSync(join(dir, snapshotFileName));
    store.update(() => sample());
    await store.flush();
    expect(log.lines).toEqual([{ level: 'error', message: 'could not write the snapshot' }]);
    expect(store.pendingWrite).toBe(true);
    expect(readdirSync(dir)).toEqual([snapshotFileName]);

    rmSync(join(dir, snapshotFileName), { recursive: true });
    timers.advance(5_000);
    await store.flush();
    expect(buildsOnDisk()).toBe(4);
  });
});
