// CodeCommit over AWS JSON 1.1 (CodeCommit_20150413).
import { AwsError, stringList } from '../errors';
import { paginate } from '../pagination';
import type { Input, JsonService } from '../service';
import type { World } from '../world';
import type { Commit, PullRequest, Repository } from '../world/codecommit';
import { date, pageRequest } from './wire';

const invalidToken = (): AwsError =>
  new AwsError('InvalidContinuationTokenException', 'The specified continuation token is not valid.');

export function codeCommitService(world: World): JsonService {
  const cc = world.codecommit;
  const named = (input: Input, member = 'repositoryName'): string => {
    const name = input[member];
    if (typeof name !== 'string' || name === '')
      throw new AwsError('RepositoryNameRequiredException', 'A repository name is required, but was not specified.');
    return name;
  };
  const repository = (input: Input, authorize: (arn: string) => void): Repository => {
    const name = named(input);
    const repo = cc.repositories.get(name);
    if (!repo) throw new AwsError('RepositoryDoesNotExistException', `${name} does not exist`);
    authorize(repo.arn);
    return repo;
  };
  const commit = (repo: Repository, id: unknown): Commit => {
    if (typeof id !== 'string' || id === '')
      throw new AwsError('CommitIdRequiredException', 'A commit ID is required, but was not specified.');
    const found = repo.commits.get(id);
    if (!found) throw new AwsError('CommitIdDoesNotExistException', `Could not find commit ${id}`);
    return found;
  };
  const pullRequest = (input: Input, authorize: (arn: string) => void): { repo: Repository; pr: PullRequest } => {
    const id = input.pullRequestId;
    if (typeof id !== 'string' || id === '')
      throw new AwsError('PullRequestIdRequiredException', 'A pull request ID is required, but none was provided.');
    if (!/^\d+$/.test(id)) throw new AwsError('InvalidPullRequestIdException', 'The pull request ID is not valid.');
    const found = cc.findPullRequest(id);
    if (!found) throw new AwsError('PullRequestDoesNotExistException', `Pull request ${id} does not exist`);
    authorize(found.repo.arn);
    return found;
  };

  return {
    name: 'codecommit',
    protocol: 'json',
    targetPrefix: 'CodeCommit_20150413',
    invalidTokenCode: 'InvalidContinuationTokenException',
    operations: {
      ListRepositories: (input) => {
        const all = [...cc.repositories.values()];
        all.sort((a, b) =>
          input.sortBy === 'lastModifiedDate' ? a.lastModified - b.lastModified : a.name.localeCompare(b.name),
        );
        if (input.order === 'descending') all.reverse();
        const page = paginate(
          all,
          { nextToken: pageRequest(input).nextToken },
          {
            scope: `ListRepositories/${String(input.sortBy)}/${String(input.order)}`,
            key: (r) => r.name,
            defaultSize: 1000,
            maxSize: 1000,
            invalidToken,
          },
        );
        return {
          repositories: page.items.map((r) => ({ repositoryName: r.name, repositoryId: r.id })),
          nextToken: page.nextToken,
        };
      },
      BatchGetRepositories: (input, context) => {
        const names = stringList('repositoryNames', input.repositoryNames);
        if (input.repositoryNames === undefined)
          throw new AwsError('RepositoryNamesRequiredException', 'At least one repository name is required.');
        if (names.length > 100) {
          throw new AwsError(
            'MaximumRepositoryNamesExceededException',
            'The maximum number of allowed repository names was exceeded. Currently, this number is 100.',
          );
        }
        const found = names.map((n) => cc.repositories.get(n)).filter((r) => r !== undefined);
        for (const r of found) context.authorize(r.arn);
        const missing = names.filter((n) => !cc.repositories.has(n));
        return {
          repositories: found.map((r) => metadata(world, r)),
          repositoriesNotFound: missing,
          errors: missing.map((n) => ({
            repositoryName: n,
            errorCode: 'RepositoryDoesNotExistException',
            errorMessage: `${n} does not exist`,
          })),
        };
      },
      ListBranches: (input, context) => {
        const repo = repository(input, context.authorize);
        const names = [...repo.branches.keys()].sort();
        const page = paginate(
          names,
          { nextToken: pageRequest(input).nextToken },
          { scope: `ListBranches/${repo.name}`, key: (n) => n, defaultSize: 1000, maxSize: 1000, invalidToken },
        );
        return { branches: page.items, nextToken: page.nextToken };
      },
      GetBranch: (input, context) => {
        const repo = repository(input, context.authorize);
        const branchName = input.branchName;
        if (typeof branchName !== 'string' || branchName === '')
          throw new AwsError('BranchNameRequiredException', 'A branch name is required, but was not specified.');
        const commitId = repo.branches.get(branchName);
        if (commitId === undefined)
          throw new AwsError('BranchDoesNotExistException', `Branch ${branchName} does not exist in ${repo.name}`);
        return { branch: { branchName, commitId } };
      },
      GetCommit: (input, context) => {
        const repo = repository(input, context.authorize);
        return { commit: commitShape(commit(repo, input.commitId)) };
      },
      BatchGetCommits: (input, context) => {
        const repo = repository(input, context.authorize);
        if (input.commitIds === undefined)
          throw new AwsError(
            'CommitIdsListRequiredException',
            'A list of commit IDs is required, but was either not specified or the list was empty.',
          );
        const ids = stringList('commitIds', input.commitIds);
        if (ids.length > 100)
          throw new AwsError(
            'CommitIdsLimitExceededException',
            'The maximum number of allowed commit IDs in a batch request is 100.',
          );
        const found = ids.map((id) => repo.commits.get(id)).filter((c) => c !== undefined);
        const errors = ids
          .filter((id) => !repo.commits.has(id))
          .map((id) => ({
            commitId: id,
            errorCode: 'CommitIdDoesNotExistException',
            errorMessage: `Could not find commit ${id}`,
          }));
        return { commits: found.map(commitShape), errors };
      },
      ListPullRequests: (input, context) => {
        const repo = repository(input, context.authorize);
        const status = input.pullRequestStatus;
        if (status !== undefined && status !== 'OPEN' && status !== 'CLOSED')
          throw new AwsError('InvalidPullRequestStatusException', 'The pull request status is not valid.');
        const author = typeof input.authorArn === 'string' ? input.authorArn : undefined;
        const prs = repo.pullRequests
          .filter(
            (p) => (status === undefined || p.status === status) && (author === undefined || p.authorArn === author),
          )
          .reverse();
        const page = paginate(prs, pageRequest(input), {
          scope: `ListPullRequests/${repo.name}/${String(status)}/${author ?? ''}`,
          key: (p) => p.id,
          defaultSize: 100,
          maxSize: 100,
          invalidToken,
          invalidMax: () =>
            new AwsError('InvalidMaxResultsException', 'The specified number of maximum results is not valid.'),
        });
        return { pullRequestIds: page.items.map((p) => p.id), nextToken: page.nextToken };
      },
      GetPullRequest: (input, context) => ({ pullRequest: pullRequestShape(pullRequest(input, context.authorize)) }),
      GetPullRequestApprovalStates: (input, context) => {
        const { pr } = pullRequest(input, context.authorize);
        const revisionId = input.revisionId;
        if (typeof revisionId !== 'string' || revisionId === '')
          throw new AwsError('RevisionIdRequiredException', 'A revision ID is required, but was not provided.');
        if (revisionId !== pr.revisionId)
          throw new AwsError(
            'RevisionNotCurrentException',
            'The revision ID provided in the request does not match the current revision ID.',
          );
        return { approvals: [...pr.approvals].map(([userArn, approvalState]) => ({ userArn, approvalState })) };
      },
    },
  };
}

function metadata(world: World, r: Repository): unknown {
  return {
    accountId: world.account,
    repositoryId: r.id,
    repositoryName: r.name,
    repositoryDescription: r.description,
    defaultBranch: r.defaultBranch,
    lastModifiedDate: date(r.lastModified),
    creationDate: date(r.created),
    cloneUrlHttp: `https://git-codecommit.${world.region}.amazonaws.com/v1/repos/${r.name}`,
    cloneUrlSsh: `ssh://git-codecommit.${world.region}.amazonaws.com/v1/repos/${r.name}`,
    Arn: r.arn,
  };
}

/** CodeCommit prints commit dates as "<epoch seconds> <zone offset>". */
function commitShape(c: Commit): unknown {
  const user = { name: c.author.name, email: c.author.email, date: `${Math.floor(c.date / 1000)} +0000` };
  return {
    commitId: c.commitId,
    treeId: c.treeId,
    parents: c.parents,
    message: c.message,
    author: user,
    committer: user,
    additionalData: '',
  };
}

function pullRequestShape({ repo, pr }: { repo: Repository; pr: PullRequest }): unknown {
  return {
    pullRequestId: pr.id,
    title: pr.title,
    description: pr.description,
    lastActivityDate: date(pr.lastActivity),
    creationDate: date(pr.created),
    pullRequestStatus: pr.status,
    authorArn: pr.authorArn,
    pullRequestTargets: [
      {
        repositoryName: repo.name,
        sourceReference: `refs/heads/${pr.sourceBranch}`,
        destinationReference: `refs/heads/${pr.destinationBranch}`,
        destinationCommit: pr.destinationCommit,
        sourceCommit: pr.sourceCommit,
        mergeBase: pr.destinationCommit,
        mergeMetadata: { isMerged: false },
      },
    ],
    clientRequestToken: pr.revisionId.slice(0, 32),
    revisionId: pr.revisionId,
    approvalRules: [
      {
        approvalRuleId: pr.revisionId.slice(0, 36),
        approvalRuleName: 'Require one approval',
        approvalRuleContent: JSON.stringify({
          Version: '2018-11-08',
          Statements: [{ Type: 'Approvers', NumberOfApprovalsNeeded: pr.requiredApprovals }],
        }),
        ruleContentSha256: pr.revisionId,
        lastModifiedDate: date(pr.created),
        creationDate: date(pr.created),
        lastModifiedUser: pr.authorArn,
      },
    ],
  };
}
