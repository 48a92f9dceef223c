// Whether what the snapshot holds about a resource is still current, and if
// not, why: the last read failed, the account waits for a sign-in, Starboard
// is offline, or nothing was read for longer than any refresh cadence. The
// data is always shown; this only decides the "as of …, <why>" marking.
import type { RefreshStatus } from './refresh';
import type { AnyResource, Snapshot } from './snapshot';

/**
 * Older than this without a successful read is stale even with no problem
 * recorded. The slowest normal cadence (idle, window hidden) is about 4.3 min.
 */
export const staleAfterMs = 10 * 60_000;

export type StaleReason = 'problem' | 'needs-sign-in' | 'offline' | 'old';

export interface Staleness {
  stale: boolean;
  /** When the data shown was last read successfully (ISO 8601). */
  asOf: string;
  reason?: StaleReason;
  /** What to tell the user after "as of <time>". */
  message?: string;
}

/** The workspace account the resource was read with: an AWS account entry, or a GitHub account. */
function accountKeyOf(resource: AnyResource): string {
  switch (resource.kind) {
    case 'pipeline':
      return resource.data.summary.location.accountKey;
    case 'github-repository':
      return resource.data.accountKey;
    case 'build':
    case 'repository':
    case 'codedeploy-group':
    case 'beanstalk-environment':
    case 'cloudformation-stack':
    case 'ecs-service':
      return resource.data.location.accountKey;
  }
}

/** A GitHub account waits for a new token rather than a sign-in. */
const needsSignInText = (resource: AnyResource): string =>
  resource.kind === 'github-repository' ? 'the account needs a new token' : 'the account needs a new sign-in';

const later = (a: string, b: string | undefined): string => (b !== undefined && b > a ? b : a);

export function resourceStaleness(
  resource: AnyResource,
  snapshot: Pick<Snapshot, 'sources'>,
  refresh: Pick<RefreshStatus, 'online' | 'needsSignIn'> | undefined,
  now: number,
): Staleness {
  const listed = snapshot.sources[resource.source]?.kinds[resource.kind];
  // A finished build never changes: only the list it came from can be out of date.
  const own = resource.kind === 'build' && resource.data.complete ? undefined : resource.freshness.problem;
  const problem = own ?? listed?.problem;
  const asOf = later(resource.freshness.fetchedAt, listed?.fetchedAt);
  if (problem) return { stale: true, asOf, reason: 'problem', message: problem.message };
  if (refresh?.needsSignIn.includes(accountKeyOf(resource)))
    return { stale: true, asOf, reason: 'needs-sign-in', message: needsSignInText(resource) };
  if (refresh && !refresh.online) return { stale: true, asOf, reason: 'offline', message: 'offline' };
  const age = now - Date.parse(asOf);
  if (Number.isFinite(age) && age > staleAfterMs)
    return { stale: true, asOf, reason: 'old', message: `not refreshed for ${Math.floor(age / 60_000)} min` };
  return { stale: false, asOf };
}

/**
 * Several resources seen as one (a project card, a tile): stale when any is,
 * as of the oldest stale one's time with its reason; fresh otherwise, as of
 * the oldest read. Undefined for no resources.
 */
export function combinedStaleness(parts: readonly Staleness[]): Staleness | undefined {
  const stale = parts.filter((p) => p.stale);
  const pool = stale.length > 0 ? stale : parts;
  let oldest: Staleness | undefined;
  for (const part of pool) if (!oldest || part.asOf < oldest.asOf) oldest = part;
  return oldest;
}
