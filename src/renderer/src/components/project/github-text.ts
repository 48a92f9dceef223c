// The GitHub tiles' small words and links: commits in a few characters, a
// pull request's checks in words, and where a repository or environment links.
import type { CheckSummary, GitHubEnvironmentDeployments, GitHubRepositoryRead } from '../../../../shared/github';

export const shortSha = (sha: string): string => sha.slice(0, 7);

/** The repository's page; before its metadata was read, github.com's address for the name. */
export function githubRepositoryUrl(read: Pick<GitHubRepositoryRead, 'repository' | 'fullName'>): string {
  return read.repository?.htmlUrl ?? `https://github.com/${read.fullName}`;
}

/** What the newest deployment reported (its run or page), else the environment's page, else the repository. */
export function environmentUrl(
  env: GitHubEnvironmentDeployments,
  read: Pick<GitHubRepositoryRead, 'repository' | 'fullName'>,
): string {
  return env.latest?.statuses[0]?.targetUrl ?? (env.environment.htmlUrl || githubRepositoryUrl(read));
}

/** "Checks passed", "1 of 3 checks failed", "2 of 3 checks running" (the tile adds a shape). */
export function checksText(checks: CheckSummary): string {
  switch (checks.state) {
    case 'success':
      return checks.total === 1 ? 'Check passed' : `${checks.total} checks passed`;
    case 'failure':
      return `${checks.failed} of ${checks.total} checks failed`;
    case 'pending':
      return `${checks.pending} of ${checks.total} checks running`;
    case 'none':
      return 'No checks';
  }
}
