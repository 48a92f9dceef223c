import { describe, expect, it } from 'vitest';
import { prependActivity } from '../../src/renderer/src/api/queries';
import { shortSourceVersion } from '../../src/renderer/src/components/project/source-version';
import { clockTime, durationText, elapsed, relativeTime } from '../../src/renderer/src/time';
import type { ProjectEvent } from '../../src/shared/events';

const now = Date.parse('2026-03-01T12:00:00Z');
const ago = (ms: number): string => new Date(now - ms).toISOString();

describe('relative time', () => {
  it.each([
    [0, 'just now'],
    [9_000, 'just now'],
    [-60_000, 'just now'],
    [42_000, '42 s ago'],
    [5 * 60_000, '5 min ago'],
    [59 * 60_000 + 59_000, '59 min ago'],
    [3 * 3_600_000, '3 h ago'],
    [30 * 3_600_000, 'yesterday'],
    [3 * 86_400_000, '3 days ago'],
  ])('%i ms ago reads "%s"', (ms, text) => {
    expect(relativeTime(ago(ms), now)).toBe(text);
  });

  it('gives a date for anything older than a week, and admits an unreadable time', () => {
    expect(relativeTime(ago(30 * 86_400_000), now)).toMatch(/^on /);
    expect(relativeTime('not a date', now)).toBe('at an unknown time');
  });

  it('tells a wall-clock time with the date only on another day', () => {
    expect(clockTime(ago(60_000), now)).not.toContain(',');
    expect(clockTime(ago(3 * 86_400_000), now)).toContain(',');
  });
});

describe('durations', () => {
  it.each([
    [45_000, '45 s'],
    [72_000, '1 min 12 s'],
    [120_000, '2 min'],
    [2 * 3_600_000 + 3 * 60_000, '2 h 3 min'],
    [3_600_000, '1 h'],
    [-1, ''],
  ])('%i ms is "%s"', (ms, text) => {
    expect(durationText(ms)).toBe(text);
  });

  it('runs to the end, or to now while running; nothing without a start', () => {
    expect(elapsed(ago(60_000), ago(30_000), now)).toBe(30_000);
    expect(elapsed(ago(60_000), undefined, now)).toBe(60_000);
    expect(elapsed(undefined, undefined, now)).toBeUndefined();
  });
});

describe('a build’s source version, short', () => {
  it('prefers the resolved commit', () => {
    expect(shortSourceVersion({ sourceVersion: 'refs/heads/main', resolvedSourceVersion: 'a'.repeat(40) })).toBe(
      'aaaaaaaa',
    );
  });

  it('names the branch, tag or pull request otherwise', () => {
    expect(shortSourceVersion({ sourceVersion: 'refs/heads/main' })).toBe('main');
    expect(shortSourceVersion({ sourceVersion: 'refs/pull/12/head' })).toBe('pr/12');
    expect(shortSourceVersion({ sourceVersion: 'arn:aws:s3:::bucket/pipe/SourceArti/abc123' })).toBe('abc123');
    expect(shortSourceVersion({})).toBe('');
  });
});

describe('the activity feed', () => {
  const event = (id: string): ProjectEvent =>
    ({ id, kind: 'build.failed', summary: id, at: '2026-03-01T10:00:00Z', projects: [] }) as unknown as ProjectEvent;

  it('puts newly delivered events (oldest first) on top, newest first, each once', () => {
    const feed = [event('b'), event('a')];
    expect(prependActivity(feed, [event('b'), event('c'), event('d')]).map((e) => e.id)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('keeps at most 200', () => {
    const feed = Array.from({ length: 200 }, (_, i) => event(`old-${i}`));
    const next = prependActivity(feed, [event('new')]);
    expect(next).toHaveLength(200);
    expect(next[0]?.id).toBe('new');
    expect(next.at(-1)?.id).toBe('old-198');
  });
});
