import { describe, expect, it } from 'vitest';
import { buildChartData, dayStart } from '../../src/renderer/src/components/project/build-chart';
import type { Build } from '../../src/shared/builds';
import { build } from '../support/snapshot-builders';

// Local times, so the test means the same in every time zone.
const now = new Date(2026, 10, 28, 15, 0).getTime();
const local = (day: number, hour: number, minute = 0): string => new Date(2026, 10, day, hour, minute).toISOString();

function ran(number: number, status: Parameters<typeof build>[2], start: string, minutes: number): Build {
  const startMs = Date.parse(start);
  return build('shop-build', number, status, {
    startTime: start,
    endTime: new Date(startMs + minutes * 60_000).toISOString(),
  }).data;
}

describe('the build chart’s data', () => {
  it('has 30 local days ending today, oldest first', () => {
    const data = buildChartData([], now);
    expect(data.days).toHaveLength(30);
    expect(data.days.at(-1)?.start).toBe(dayStart(now));
    expect(data.days[0]?.start).toBe(new Date(2026, 9, 30).getTime());
    expect(data.from).toBe(data.days[0]?.start);
    expect(data.rate).toBeUndefined();
  });

  it('buckets builds per day with the day’s success rate, leaving stopped and running builds out of the rate', () => {
    const builds = [
      ran(1, 'SUCCEEDED', local(27, 9), 4),
      ran(2, 'FAILED', local(27, 18), 2),
      ran(3, 'SUCCEEDED', local(27, 23, 59), 6),
      ran(4, 'STOPPED', local(28, 8), 1),
      ran(5, 'TIMED_OUT', local(28, 9), 60),
      { ...build('shop-build', 6, 'IN_PROGRESS', { startTime: local(28, 14) }).data },
    ];
    const data = buildChartData(builds, now);
    const yesterday = data.days.at(-2);
    const today = data.days.at(-1);
    expect(yesterday).toMatchObject({ total: 3, succeeded: 2, failed: 1 });
    expect(yesterday?.rate).toBeCloseTo(2 / 3);
    expect(today).toMatchObject({ total: 3, succeeded: 0, failed: 1, rate: 0 });
    expect(data.days.slice(0, -2).every((d) => d.total === 0 && d.rate === undefined)).toBe(true);
    expect(data).toMatchObject({ held: 6, inWindow: 6, succeeded: 2, failed: 2, rate: 0.5 });
    // Only finished builds have a duration; oldest first; failures keep their outcome for their marker.
    expect(data.points.map((p) => [p.number, p.durationMs / 60_000, p.outcome])).toEqual([
      [1, 4, 'succeeded'],
      [2, 2, 'failed'],
      [3, 6, 'succeeded'],
      [4, 1, 'other'],
      [5, 60, 'failed'],
    ]);
    expect(data.medianDurationMs).toBe(4 * 60_000);
  });

  it('leaves out builds older than the window, from the future, or without a start, but counts them as held', () => {
    // In November's terms: day 0 is October 31, day -1 October 30 (the window's first day), day -2 October 29.
    const builds = [
      ran(1, 'FAILED', local(-2, 23, 59), 3),
      ran(2, 'SUCCEEDED', local(-1, 0), 3),
      ran(3, 'SUCCEEDED', local(28, 16), 3),
      { ...build('shop-build', 4, 'FAILED').data, startTime: undefined },
    ];
    const data = buildChartData(builds, now);
    expect(data.held).toBe(4);
    expect(data.inWindow).toBe(1);
    expect(data.points.map((p) => p.number)).toEqual([2]);
    expect(data.days[0]).toMatchObject({ total: 1, succeeded: 1, rate: 1 });
  });
});
