// What the project's build chart draws, from the builds the snapshot holds:
// the success rate of each of the last 30 days and the duration of each
// build. Pure (with `now` given), so the buckets and the window are tested in Node.
import type { Build } from '../../../../shared/builds';
import { buildRunStatus } from '../../../../shared/project-health';

export const chartDays = 30;

export type BuildOutcome = 'succeeded' | 'failed' | 'other';

export interface BuildPoint {
  id: string;
  project: string;
  number?: number;
  /** Start time, ms since the epoch. */
  at: number;
  durationMs: number;
  outcome: BuildOutcome;
}

export interface DayBucket {
  /** Local midnight that starts the day, ms since the epoch. */
  start: number;
  total: number;
  succeeded: number;
  failed: number;
  /** succeeded / (succeeded + failed); undefined on a day with no finished build that passed or failed. */
  rate?: number;
}

export interface BuildChartData {
  /** The window's first instant: local midnight 29 days before today. */
  from: number;
  to: number;
  /** Oldest first, one per day of the window (today last). */
  days: DayBucket[];
  /** Finished builds of the window with a duration, oldest first. */
  points: BuildPoint[];
  /** How many builds of the project the snapshot holds (in the window or not). */
  held: number;
  /** How many of them started in the window. */
  inWindow: number;
  succeeded: number;
  failed: number;
  /** Over the window: undefined without a passed or failed build. */
  rate?: number;
  medianDurationMs?: number;
}

export function outcomeOf(build: Pick<Build, 'status'>): BuildOutcome {
  const status = buildRunStatus(build);
  return status === 'succeeded' ? 'succeeded' : status === 'failed' ? 'failed' : 'other';
}

/** Local midnight of the day `t` falls in, `offset` days later (negative: earlier). */
export function dayStart(t: number, offset = 0): number {
  const d = new Date(t);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + offset).getTime();
}

const rateOf = (succeeded: number, failed: number): number | undefined =>
  succeeded + failed > 0 ? succeeded / (succeeded + failed) : undefined;

export function buildChartData(builds: readonly Build[], now: number, days = chartDays): BuildChartData {
  const today = dayStart(now);
  const from = dayStart(now, -(days - 1));
  const buckets: DayBucket[] = Array.from({ length: days }, (_, i) => ({
    start: dayStart(today, i - (days - 1)),
    total: 0,
    succeeded: 0,
    failed: 0,
  }));
  const points: BuildPoint[] = [];
  let inWindow = 0;
  for (const build of builds) {
    const at = build.startTime !== undefined ? Date.parse(build.startTime) : NaN;
    if (!Number.isFinite(at) || at < from || at > now) continue;
    inWindow += 1;
    // The day's index by calendar day, so a day of 23 or 25 hours (daylight saving) counts right.
    const index = buckets.findIndex((b, i) => at >= b.start && (buckets[i + 1]?.start ?? Infinity) > at);
    const bucket = buckets[index];
    const outcome = outcomeOf(build);
    if (bucket) {
      bucket.total += 1;
      if (outcome === 'succeeded') bucket.succeeded += 1;
      if (outcome === 'failed') bucket.failed += 1;
    }
    const end = build.complete && build.endTime !== undefined ? Date.parse(build.endTime) : NaN;
    if (Number.isFinite(end) && end >= at)
      points.push({
        id: build.id,
        project: build.project,
        ...(build.number !== undefined ? { number: build.number } : {}),
        at,
        durationMs: end - at,
        outcome,
      });
  }
  for (const bucket of buckets) {
    const rate = rateOf(bucket.succeeded, bucket.failed);
    if (rate !== undefined) bucket.rate = rate;
  }
  points.sort((a, b) => a.at - b.at);
  const succeeded = buckets.reduce((n, b) => n + b.succeeded, 0);
  const failed = buckets.reduce((n, b) => n + b.failed, 0);
  const rate = rateOf(succeeded, failed);
  const median = medianOf(points.map((p) => p.durationMs));
  return {
    from,
    to: now,
    days: buckets,
    points,
    held: builds.length,
    inWindow,
    succeeded,
    failed,
    ...(rate !== undefined ? { rate } : {}),
    ...(median !== undefined ? { medianDurationMs: median } : {}),
  };
}

function medianOf(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export const percent = (rate: number): string => `${Math.round(rate * 100)}%`;
