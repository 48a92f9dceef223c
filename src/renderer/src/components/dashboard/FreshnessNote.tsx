import type { Staleness } from '../../../../shared/staleness';
import { clockTime, relativeTime } from '../../time';

/**
 * "as of 10:42, offline" with a visible stale badge when the data may be out
 * of date; a quiet "updated 2 min ago" otherwise. The data itself stays shown.
 */
export function FreshnessNote({
  staleness,
  now,
  quiet = false,
}: {
  staleness: Staleness | undefined;
  now: number;
  /** Say nothing while the data is fresh. */
  quiet?: boolean;
}): React.JSX.Element | null {
  if (!staleness) return null;
  const exact = new Date(staleness.asOf).toLocaleString();
  if (!staleness.stale) {
    if (quiet) return null;
    return (
      <p className="freshness muted small">
        Updated{' '}
        <time dateTime={staleness.asOf} title={exact}>
          {relativeTime(staleness.asOf, now)}
        </time>
      </p>
    );
  }
  return (
    <p className="freshness freshness-stale small" data-testid="stale">
      <span className="stale-badge">Stale</span>
      <span>
        as of{' '}
        <time dateTime={staleness.asOf} title={exact}>
          {clockTime(staleness.asOf, now)}
        </time>
        {staleness.message ? `, ${staleness.message}` : ''}
      </span>
    </p>
  );
}
