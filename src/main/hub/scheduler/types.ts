// What the hub hands the refresh scheduler and what the scheduler reports
// back: tasks, their outcomes, and snapshots for the bench and the UI.

/**
 * How often a task wants to run, as its last result said: something in
 * flight (an execution, build, deployment or workflow run) is worth a few
 * seconds; a quiet resource a minute or more; definitions a quarter hour.
 */
export type CadenceClass = 'running' | 'idle' | 'definitions';

export type Visibility = 'visible' | 'hidden';

/** What one run of a task reports; `outcomeFromProblems` builds it from source results. */
export type RunOutcome =
  | { kind: 'ok'; cadence: CadenceClass }
  /** The provider slowed us down; `retryAt` (epoch ms) is when it said to come back, if it did. */
  | { kind: 'throttled'; retryAt?: number }
  | { kind: 'offline' }
  | { kind: 'credentials-expired' }
  | { kind: 'error'; message: string };

export type OutcomeKind = RunOutcome['kind'];

export interface RefreshTask {
  /** Unique; at most one run per key at a time. */
  key: string;
  /** The workspace account the task reads with: credentials-expired pauses all of its tasks. */
  account: string;
  /** With `region`, the lane whose concurrency is bounded and which backs off together when throttled. */
  service: string;
  /** An AWS region, or a GitHub host for GitHub tasks. */
  region: string;
  /** The class to start with, until the first run reports its own. */
  cadence: CadenceClass;
  /** One refresh. A throw counts as an `error` outcome. */
  run: () => Promise<RunOutcome>;
}

/** Selects tasks for `refreshNow`; every field given must match, none given matches all. */
export interface TaskFilter {
  keys?: readonly string[];
  account?: string;
  service?: string;
  region?: string;
}

export interface RefreshNowResult {
  /** Due now; they start as soon as their lane has room. */
  queued: string[];
  /** Already running: each runs once more right after its current run. */
  rerun: string[];
  /** Their account waits for a new sign-in (`resumeAccount`). */
  paused: string[];
}

export type TaskStatus = 'scheduled' | 'running' | 'paused';

export interface TaskSnapshot {
  key: string;
  account: string;
  service: string;
  region: string;
  cadence: CadenceClass;
  status: TaskStatus;
  /** When it is next due (epoch ms); null while paused or running. */
  nextDueAt: number | null;
  /** Runs started since registration. */
  runs: number;
  lastOutcome?: OutcomeKind;
  lastMessage?: string;
  lastStartedAt?: number;
  lastEndedAt?: number;
  /** Errors in a row; each doubles the task's interval up to the configured cap. */
  consecutiveErrors: number;
  /** Why the task waits longer than its cadence says, and until when when that is known. */
  backoff?: { reason: 'throttled' | 'offline' | 'errors'; until: number | null };
}

export interface LaneSnapshot {
  service: string;
  region: string;
  /** Runs allowed at once: the configured bound, or 1 while recovering from throttling. */
  limit: number;
  running: number;
  runs: number;
  throttle?: { attempt: number; until: number };
}

export interface SchedulerStats {
  now: number;
  visibility: Visibility;
  online: boolean;
  offline?: { since: number; attempt: number; nextProbeAt: number };
  pausedAccounts: string[];
  running: number;
  runs: number;
  lanes: LaneSnapshot[];
  tasks: TaskSnapshot[];
}
