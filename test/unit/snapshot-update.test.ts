import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../src/main/hub/snapshot/diff';
import { applyRead, putResource, removeSource } from '../../src/main/hub/snapshot/update';
import { emptySnapshot } from '../../src/shared/snapshot';
import { build, pipeline, snapshot, source } from '../support/snapshot-builders';

const throttled = { code: 'throttled' as const, message: 'Rate exceeded' };

describe('a read entering the snapshot', () => {
  const web = pipeline({ name: 'web' });
  const api = pipeline({ name: 'api' });

  it('records the read per source and kind, and removes what a complete list no longer has', () => {
    const first = applyRead(emptySnapshot('t0'), {
      source,
      kind: 'pipeline',
      freshness: { fetchedAt: 't1' },
      resources: [web, api],
      complete: true,
    });
    expect(first.sources[source]).toEqual({ id: source, kinds: { pipeline: { fetchedAt: 't1' } } });
    const second = applyRead(first, {
      source,
      kind: 'pipeline',
      freshness: { fetchedAt: 't2' },
      resources: [web],
      complete: true,
    });
    expect(Object.keys(second.resources)).toEqual([web.id]);
  });

  it('keeps the last good copy after a failed read, marked stale, with the last good time', () => {
    const good = applyRead(emptySnapshot('t0'), {
      source,
      kind: 'pipeline',
      freshness: { fetchedAt: 't1' },
      resources: [web, api],
      complete: true,
    });
    const failed = applyRead(good, {
      source,
      kind: 'pipeline',
      freshness: { fetchedAt: '', problem: throttled },
      resources: [],
      complete: true,
    });
    expect(failed.sources[source]?.kinds.pipeline).toEqual({ fetchedAt: 't1', problem: throttled });
    expect(Object.values(failed.resources).map((r) => r.freshness)).toEqual([
      { ...web.freshness, problem: throttled },
      { ...api.freshness, problem: throttled },
    ]);
  });

  it('keeps older builds when the list is only the recent ones, and leaves other kinds alone', () => {
    const start = snapshot([web, build('api', 1, 'SUCCEEDED')]);
    const next = applyRead(start, {
      source,
      kind: 'build',
      freshness: { fetchedAt: 't2' },
      resources: [build('api', 2, 'FAILED')],
      complete: false,
    });
    expect(Object.keys(next.resources)).toHaveLength(3);
  });

  it('clears the stale mark of what a good partial read no longer reaches, and keeps its data', () => {
    const old = build('api', 1, 'SUCCEEDED');
    const failed = applyRead(snapshot([old]), {
      source,
      kind: 'build',
      freshness: { fetchedAt: '', problem: throttled },
      resources: [],
      complete: false,
    });
    expect(failed.resources[old.id]?.freshness.problem).toEqual(throttled);
    const good = applyRead(failed, {
      source,
      kind: 'build',
      freshness: { fetchedAt: 't2' },
      resources: [build('api', 2, 'FAILED')],
      complete: false,
    });
    expect(good.resources[old.id]?.freshness).toEqual(old.freshness);
    expect(good.resources[old.id]?.data).toEqual(old.data);
  });

  it('a first read that failed leaves the kind unread, so the next good read is still a cold start', () => {
    const failed = applyRead(emptySnapshot('t0'), {
      source,
      kind: 'build',
      freshness: { fetchedAt: '', problem: throttled },
      resources: [],
      complete: false,
    });
    const good = applyRead(failed, {
      source,
      kind: 'build',
      freshness: { fetchedAt: 't2' },
      resources: [build('api', 1, 'SUCCEEDED'), build('api', 2, 'FAILED')],
      complete: false,
    });
    expect(diffSnapshots(failed, good).map((e) => e.origin)).toEqual(['current-state']);
  });

  it('puts one resource, and removes a whole source without a trace', () => {
    const one = putResource(emptySnapshot('t0'), web);
    expect(one.resources[web.id]).toBe(web);
    const gone = removeSource(snapshot([web, build('api', 1, 'FAILED')]), source);
    expect(gone.resources).toEqual({});
    expect(gone.sources).toEqual({});
  });
});
