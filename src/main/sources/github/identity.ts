// Who a token signs in as: GET /user, checked the moment a token is pasted,
// with the token's kind (from its documented prefix) and, for classic and
// OAuth tokens, the scopes GitHub reports in `x-oauth-scopes`.
import type { RestEndpointMethodTypes } from '@octokit/rest';
import type { GitHubIdentity, GitHubTokenKind } from '../../../shared/github';
import { fail, ok, type Result } from '../../../shared/result';
import { GitHubClient, type GitHubClientOptions } from './client';
import { GitHubProblemError, problemOf } from './problems';

type User = RestEndpointMethodTypes['users']['getAuthenticated']['response']['data'];

/** GitHub's token prefixes (github.blog, "Behind GitHub's new authentication token formats"). */
export function tokenKind(token: string): GitHubTokenKind {
  if (token.startsWith('github_pat_')) return 'fine-grained';
  if (token.startsWith('ghp_')) return 'classic';
  if (token.startsWith('gho_')) return 'oauth';
  if (token.startsWith('ghu_')) return 'app-user';
  if (token.startsWith('ghs_')) return 'app-installation';
  // Tokens made before 2021 are 40 hex digits, classic or OAuth.
  return /^[0-9a-f]{40}$/i.test(token) ? 'classic' : 'unknown';
}

/** `x-oauth-scopes: repo, workflow` → ['repo', 'workflow']; undefined when the header is absent. */
export function parseScopes(header: string | undefined): string[] | undefined {
  if (header === undefined) return undefined;
  return header
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Who the client's token signs in as; `kind` comes from the token, which the caller holds. */
export async function readIdentity(client: GitHubClient, kind: GitHubTokenKind): Promise<Result<GitHubIdentity>> {
  try {
    const answer = await client.getWithHeaders<User>('GET /user', {}, 'GitHub account');
    const scopes = kind === 'fine-grained' ? undefined : parseScopes(answer.headers['x-oauth-scopes']);
    return ok({
      login: answer.data.login,
      ...(answer.data.name ? { name: answer.data.name } : {}),
      tokenKind: kind,
      ...(scopes !== undefined ? { scopes } : {}),
    });
  } catch (error) {
    const { code, message, missingPermission, retryAt } = problemOf(error);
    const refused = error instanceof GitHubProblemError && code === 'credentials-expired';
    return fail(code, refused ? 'GitHub did not accept this token: it is mistyped, revoked or expired.' : message, {
      ...(missingPermission !== undefined ? { missingPermission } : {}),
      ...(retryAt !== undefined ? { retryAt } : {}),
    });
  }
}

/**
 * Checks a pasted token at once against an API base URL (one GET /user). The
 * token is used for this request only; it is not kept or returned.
 */
export function checkToken(
  baseUrl: string,
  token: string,
  options: Omit<GitHubClientOptions, 'baseUrl' | 'token'> = {},
): Promise<Result<GitHubIdentity>> {
  let client: GitHubClient;
  try {
    client = new GitHubClient({ ...options, baseUrl, token: () => token });
  } catch (error) {
    return Promise.resolve(fail('invalid-input', error instanceof Error ? error.message : String(error)));
  }
  return readIdentity(client, tokenKind(token.trim()));
}
