// What every resource read from a provider carries besides its data: when it
// was read, and what went wrong on the last attempt, so the UI can show
// "as of 2 min ago, throttled" instead of a blank.
import type { ContractError } from './result';

/** A problem reading or acting on one resource, in terms the UI can act on. */
export type SourceProblem = Pick<ContractError, 'code' | 'message' | 'missingPermission' | 'retryAt'> & {
  /** The resource the problem is about (an ARN or name), when it is one resource. */
  resource?: string;
};

export interface Freshness {
  /** When the data was last read successfully (ISO 8601). */
  fetchedAt: string;
  /** Set when the last attempt failed; the data is then the last good copy. */
  problem?: SourceProblem;
}

/** Where an AWS resource lives: the workspace account entry, its account id and the region. */
export interface AwsLocation {
  /** The workspace's id for the account entry (not the 12-digit account id). */
  accountKey: string;
  accountId: string;
  region: string;
}
