import { describe, expect, it } from 'vitest';
import { idleRefreshStatus, type RefreshStatus } from '../../src/shared/refresh';
import { combinedStaleness, resourceStaleness, staleAfterMs } from '../../src/shared/staleness';
import {
  build,
  fetched,
  githubAccount,
  githubRepository,
  pipeline,
  repository,
  snapshot,
  source,
} from '../support/snapshot-builders';

const readAt = Date.parse(fetched.fetchedAt);
const online: RefreshStatus = { ...idleRefreshStatus, lastRefreshAt: fetched.fetchedAt };
const throttled = { code: 'throttled' as const, message: 'throttled by AWS' };

describe('whether a resource’s data is stale', () => {
  it('is fresh right after a good read', () => {
    const web = pipeline();
    expect(resourceStaleness(web, snapshot([web]), online, readAt + 60_000)).toEqual({
      stale: false,
      asOf: fetched.fetchedAt,
    });
  });

  it('is stale with the problem’s message when the last read failed, as of the last good read', () => {
    const web = pipeline();
    const failed = { ...web, freshness: { ...web.freshness, problem: throttled } };
    expect(resourceStaleness(failed, snapshot([failed]), online, readAt + 60_000)).toEqual({
      stale: true,
      asOf: fetched.fetchedAt,
      reason: 'problem',
      message: 'throttled by AWS',
    });
  });

  it('is stale when the list its source read failed, even if the resource itself has no problem', () => {
    const web = pipeline();
    const snap = snapshot([web]);
    const status = snap.sources[source];
    if (!status) throw new Error('the builder made no source');
    status.kinds.pipeline = { ...fetched, problem: { code: 'offline', message: 'network unreachable' } };
    expect(resourceStaleness(web, snap, online, readAt)).toMatchObject({ stale: true, message: 'network unreachable' });
  });

  it('is stale while Starboard is offline, and while the account waits for a sign-in', () => {
    const web = pipeline();
    const snap = snapshot([web]);
    expect(resourceStaleness(web, snap, { ...online, online: false }, readAt)).toMatchObject({
      stale: true,
      reason: 'offline',
      message: 'offline',
    });
    expect(resourceStaleness(web, snap, { ...online, needsSignIn: ['acme'] }, readAt)).toMatchObject({
      stale: true,
      reason: 'needs-sign-in',
    });
    expect(resourceStaleness(web, snap, { ...online, needsSignIn: ['other'] }, readAt).stale).toBe(false);
  });

  it('is stale while the GitHub account it was read with waits for a new token', () => {
    const shop = githubRepository();
    const snap = snapshot([shop]);
    expect(resourceStaleness(shop, snap, { ...online, needsSignIn: [githubAccount] }, readAt)).toEqual({
      stale: true,
      asOf: fetched.fetchedAt,
      reason: 'needs-sign-in',
      message: 'the account needs a new token',
    });
    // The AWS account entry of the same snapshot says nothing about it.
    expect(resourceStaleness(shop, snap, { ...online, needsSignIn: ['acme'] }, readAt).stale).toBe(false);
  });

  it('is stale once no read succeeded for longer than any cadence', () => {
    const repo = repository([]);
    const snap = snapshot([repo]);
    expect(resourceStaleness(repo, snap, online, readAt + staleAfterMs).stale).toBe(false);
    expect(resourceStaleness(repo, snap, online, readAt + staleAfterMs + 60_000)).toMatchObject({
      stale: true,
      reason: 'old',
      message: 'not refreshed for 11 min',
    });
  });

  it('dates the data by the later of its own read and its source’s list read', () => {
    const old = build('web', 1, 'SUCCEEDED');
    const snap = snapshot([{ ...old, freshness: { fetchedAt: '2026-03-01T08:00:00.000Z' } }]);
    const resource = snap.resources[old.id];
    if (!resource) throw new Error('missing');
    expect(resourceStaleness(resource, snap, online, readAt + 60_000)).toEqual({
      stale: false,
      asOf: fetched.fetchedAt,
    });
  });

  it('keeps a finished build fresh despite its own old problem when its list reads well (builds never change)', () => {
    const done = build('web', 1, 'SUCCEEDED');
    const marked = { ...done, freshness: { ...done.freshness, problem: throttled } };
    expect(resourceStaleness(marked, snapshot([marked]), online, readAt).stale).toBe(false);
    const running = build('web', 2, 'IN_PROGRESS');
    const markedRunning = { ...running, freshness: { ...running.freshness, problem: throttled } };
    expect(resourceStaleness(markedRunning, snapshot([markedRunning]), online, readAt).stale).toBe(true);
  });

  it('works without a refresh status (before it was read)', () => {
    const web = pipeline();
    expect(resourceStaleness(web, snapshot([web]), undefined, readAt).stale).toBe(false);
  });
});

describe('several resources as one', () => {
  it('is stale when any part is, as of the oldest stale part', () => {
    const combined = combinedStaleness([
      { stale: false, asOf: '2026-03-01T09:00:00Z' },
      { stale: true, asOf: '2026-03-01T09:30:00Z', reason: 'offline', message: 'offline' },
      { stale: true, asOf: '2026-03-01T09:10:00Z', reason: 'problem', message: 'throttled' },
    ]);
    expect(combined).toEqual({ stale: true, asOf: '2026-03-01T09:10:00Z', reason: 'problem', message: 'throttled' });
  });

  it('is fresh as of the oldest read when no part is stale, and undefined for nothing', () => {
    expect(
      combinedStaleness([
        { stale: false, asOf: '2026-03-01T09:20:00Z' },
        { stale: false, asOf: '2026-03-01T09:00:00Z' },
      ]),
    ).toEqual({ stale: false, asOf: '2026-03-01T09:00:00Z' });
    expect(combinedStaleness([])).toBeUndefined();
  });
});
