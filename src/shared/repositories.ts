// CodeCommit as the UI sees it: repositories, the heads of watched branches,
// recent commits and open pull requests with their approval and merge state.
// Plain serializable data, no SDK shapes. Every text that came from a user
// (descriptions, titles, commit messages) is plain text: the UI shows it as
// text and never as HTML (AWS warns that repository descriptions can hold HTML).
import type { AwsLocation, Freshness, SourceProblem } from './sources';

export interface Repository {
  name: string;
  id: string;
  arn: string;
  location: AwsLocation;
  /** Untrusted, HTML-capable text kept verbatim (control characters removed): render as text only. */
  description?: string;
  defaultBranch?: string;
  created?: string;
  lastModified?: string;
  cloneUrlHttp?: string;
  cloneUrlSsh?: string;
  consoleUrl: string;
}

export interface RepositoriesRead extends Freshness {
  repositories: Repository[];
  /** Names AWS did not find or refused, one problem each. */
  problems: SourceProblem[];
}

export interface Person {
  name: string;
  email: string;
}

export interface CommitInfo {
  id: string;
  /** The first line of the message. */
  subject: string;
  message: string;
  author: Person;
  date?: string;
  parents: string[];
  consoleUrl: string;
}

export interface BranchHead {
  branch: string;
  commitId: string;
}

export const pullRequestStatuses = ['OPEN', 'CLOSED'] as const;
export type PullRequestStatus = (typeof pullRequestStatuses)[number];

export interface ApprovalRuleState {
  name: string;
  approvalsNeeded: number;
  satisfied: boolean;
}

/**
 * 'approved': every rule has its approvals; 'pending': some rule does not;
 * 'no-rules': the pull request has no approval rules.
 */
export type ApprovalState = 'approved' | 'pending' | 'no-rules';

export interface PullRequestApproval {
  state: ApprovalState;
  /** ARNs of the users whose current approval is APPROVE. */
  approvedBy: string[];
  rules: ApprovalRuleState[];
}

export interface MergeState {
  isMerged: boolean;
  mergedBy?: string;
  mergeCommitId?: string;
  mergeOption?: string;
}

export interface PullRequestInfo {
  id: string;
  repository: string;
  title: string;
  description?: string;
  authorArn?: string;
  status: PullRequestStatus | 'unknown';
  /** Only when `status` is 'unknown': what AWS said (RELIABILITY A14). */
  rawStatus?: string;
  sourceBranch?: string;
  destinationBranch?: string;
  sourceCommit?: string;
  destinationCommit?: string;
  revisionId: string;
  created?: string;
  lastActivity?: string;
  approval: PullRequestApproval;
  merge: MergeState;
  consoleUrl: string;
}

/** What a watched repository looks like after a refresh; the last good copy when `problem` is set. */
export interface WatchedRepository extends Freshness {
  repository: string;
  location: AwsLocation;
  defaultBranch?: string;
  /** The default branch first, then the extra watched branches (a pipeline's source branch). */
  heads: BranchHead[];
  /** The default branch's newest commits, newest first, following first parents. */
  recentCommits: CommitInfo[];
  /** Every branch name (slow timer); empty until listed. */
  branches: string[];
  pullRequests: PullRequestInfo[];
  /** Problems with one branch or pull request while the rest was read. */
  problems: SourceProblem[];
  consoleUrl: string;
}
