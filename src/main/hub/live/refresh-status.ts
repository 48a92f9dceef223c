// The status bar's view of the scheduler: plain data from its stats.
import type { RefreshStatus } from '../../../shared/refresh';
import type { SchedulerStats } from '../scheduler';

const iso = (ms: number) => new Date(ms).toISOString();

export function refreshStatus(stats: SchedulerStats, github: RefreshStatus['github'] = []): RefreshStatus {
  const okEnds = stats.tasks.flatMap((t) =>
    t.lastOutcome === 'ok' && t.lastEndedAt !== undefined ? [t.lastEndedAt] : [],
  );
  return {
    lastRefreshAt: okEnds.length > 0 ? iso(Math.max(...okEnds)) : null,
    online: stats.online,
    ...(stats.offline ? { offlineSince: iso(stats.offline.since) } : {}),
    throttled: stats.lanes.flatMap((lane) =>
      lane.throttle ? [{ service: lane.service, region: lane.region, until: iso(lane.throttle.until) }] : [],
    ),
    needsSignIn: [...stats.pausedAccounts].sort(),
    running: stats.running,
    tasks: stats.tasks.length,
    failing: stats.tasks.flatMap((t) =>
      t.lastOutcome === 'error' ? [{ key: t.key, message: t.lastMessage ?? 'The refresh failed.' }] : [],
    ),
    github,
  };
}
