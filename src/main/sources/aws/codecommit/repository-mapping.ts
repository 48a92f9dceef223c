// CodeCommit's SDK shapes turned into the shared model at the edge. User text
// (descriptions, titles, messages) stays plain text: control characters go,
// markup stays as literal characters for the UI to show as text.
import type {
  Approval,
  ApprovalRule,
  Commit,
  PullRequest as SdkPullRequest,
  RepositoryMetadata,
} from '@aws-sdk/client-codecommit';
import {
  type ApprovalRuleState,
  type CommitInfo,
  type PullRequestApproval,
  type PullRequestInfo,
  pullRequestStatuses,
  type Repository,
} from '../../../../shared/repositories';
import type { AwsLocation } from '../../../../shared/sources';
import { consoleLinks } from '../console-links';
import { iso, optional } from '../model-edge';

/** Plain text: no C0/C1 control characters except tab and newline. */
export function plainText(text: string | undefined): string | undefined {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const cleaned = text?.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu, '');
  return cleaned === '' ? undefined : cleaned;
}

export function toRepository(r: RepositoryMetadata, location: AwsLocation): Repository {
  const name = r.repositoryName ?? '';
  return {
    name,
    id: r.repositoryId ?? '',
    arn: r.Arn ?? '',
    location,
    ...optional('description', plainText(r.repositoryDescription)),
    ...optional('defaultBranch', r.defaultBranch),
    ...optional('created', iso(r.creationDate)),
    ...optional('lastModified', iso(r.lastModifiedDate)),
    ...optional('cloneUrlHttp', r.cloneUrlHttp),
    ...optional('cloneUrlSsh', r.cloneUrlSsh),
    consoleUrl: consoleLinks.repository(location.region, name),
  };
}

/** CodeCommit writes commit dates as "<epoch seconds> <zone offset>". */
function commitDate(raw: string | undefined): string | undefined {
  const seconds = /^(\d+)(\s|$)/.exec(raw ?? '')?.[1];
  return seconds === undefined ? undefined : new Date(Number(seconds) * 1000).toISOString();
}

export function toCommit(c: Commit, repository: string, region: string): CommitInfo {
  const id = c.commitId ?? '';
  const message = plainText(c.message)?.replace(/\n+$/, '') ?? '';
  return {
    id,
    subject: message.split('\n', 1)[0] ?? '',
    message,
    author: { name: c.author?.name ?? '', email: c.author?.email ?? '' },
    ...optional('date', commitDate(c.author?.date)),
    parents: c.parents ?? [],
    consoleUrl: consoleLinks.commit(region, repository, id),
  };
}

/** How many approvals a rule needs, from its JSON content; a rule we cannot read counts as needing one. */
function approvalsNeeded(rule: ApprovalRule): number {
  try {
    const content = JSON.parse(rule.approvalRuleContent ?? '') as {
      Statements?: { NumberOfApprovalsNeeded?: unknown }[];
    };
    const needed = content.Statements?.map((s) => s.NumberOfApprovalsNeeded).find((n) => typeof n === 'number');
    return typeof needed === 'number' ? needed : 1;
  } catch {
    return 1;
  }
}

/**
 * The approval state from the rules and current approvals. It counts every
 * approver against every rule: pool membership (ApprovalPoolMembers) is not
 * evaluated, which only matters for rules restricted to named approvers.
 */
export function toApproval(
  rules: readonly ApprovalRule[] | undefined,
  approvals: readonly Approval[],
): PullRequestApproval {
  const approvedBy = approvals.flatMap((a) => (a.approvalState === 'APPROVE' && a.userArn ? [a.userArn] : []));
  const states: ApprovalRuleState[] = (rules ?? []).map((rule) => {
    const needed = approvalsNeeded(rule);
    return { name: rule.approvalRuleName ?? '', approvalsNeeded: needed, satisfied: approvedBy.length >= needed };
  });
  const state = states.length === 0 ? 'no-rules' : states.every((s) => s.satisfied) ? 'approved' : 'pending';
  return { state, approvedBy, rules: states };
}

const branchName = (ref: string | undefined): string | undefined => ref?.replace(/^refs\/heads\//, '');

export function toPullRequest(
  pr: SdkPullRequest,
  approvals: readonly Approval[],
  repository: string,
  region: string,
): PullRequestInfo {
  const id = pr.pullRequestId ?? '';
  const target = pr.pullRequestTargets?.find((t) => t.repositoryName === repository) ?? pr.pullRequestTargets?.[0];
  const merge = target?.mergeMetadata;
  const raw = pr.pullRequestStatus ?? '';
  const known = (pullRequestStatuses as readonly string[]).includes(raw);
  return {
    id,
    repository,
    title: plainText(pr.title) ?? '',
    ...optional('description', plainText(pr.description)),
    ...optional('authorArn', pr.authorArn),
    status: known ? (raw as PullRequestInfo['status']) : 'unknown',
    ...(known ? {} : { rawStatus: raw }),
    ...optional('sourceBranch', branchName(target?.sourceReference)),
    ...optional('destinationBranch', branchName(target?.destinationReference)),
    ...optional('sourceCommit', target?.sourceCommit),
    ...optional('destinationCommit', target?.destinationCommit),
    revisionId: pr.revisionId ?? '',
    ...optional('created', iso(pr.creationDate)),
    ...optional('lastActivity', iso(pr.lastActivityDate)),
    approval: toApproval(pr.approvalRules, approvals),
    merge: {
      isMerged: merge?.isMerged ?? false,
      ...optional('mergedBy', merge?.mergedBy),
      ...optional('mergeCommitId', merge?.mergeCommitId),
      ...optional('mergeOption', merge?.mergeOption),
    },
    consoleUrl: consoleLinks.pullRequest(region, repository, id),
  };
}
