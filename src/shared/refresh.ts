// How the hub's refresh is going, for the status bar and the tray: when data
// last arrived, whether Starboard is offline or slowed down, and which
// accounts wait for a sign-in. Plain data derived from the scheduler's stats.

export interface RefreshStatus {
  /** When a refresh last finished well (ISO 8601); null before the first one. */
  lastRefreshAt: string | null;
  /** False while the network (or every provider) is unreachable: data shown is the last known. */
  online: boolean;
  /** Since when Starboard has been offline (ISO 8601). */
  offlineSince?: string;
  /** Lanes (service and region of one account) a provider is slowing down, and until when. */
  throttled: { service: string; region: string; until: string }[];
  /** Workspace accounts whose refresh waits for a new sign-in. */
  needsSignIn: string[];
  /** Refreshes in flight. */
  running: number;
  /** Tasks registered (one per account, region and kind of read). */
  tasks: number;
  /** Tasks whose last run failed, with the message. */
  failing: { key: string; message: string }[];
  /** Each GitHub account's primary rate limit as GitHub last reported it, and whether Starboard holds back. */
  github: GitHubRateLimitStatus[];
}

export interface GitHubRateLimitStatus {
  accountKey: string;
  limit?: number;
  remaining?: number;
  /** When the window resets (ISO 8601). */
  resetAt?: string;
  /** Nothing is sent for this account before this time (ISO 8601). */
  blockedUntil?: string;
  /** ≥ 1: how much longer than usual Starboard waits between refreshes, to stay inside the limit. */
  slowDown: number;
}

export const idleRefreshStatus: RefreshStatus = {
  lastRefreshAt: null,
  online: true,
  throttled: [],
  needsSignIn: [],
  running: 0,
  tasks: 0,
  failing: [],
  github: [],
};
