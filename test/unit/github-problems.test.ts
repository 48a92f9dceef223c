// How a failed GitHub answer becomes a SourceProblem: the fine-grained
// permission named from x-accepted-github-permissions or from the endpoint,
// 401, 404, SSO, conflicts, server errors and no answer at all.
import { describe, expect, it } from 'vitest';
import {
  acceptedPermissions,
  httpProblem,
  networkProblem,
  permissionFor,
} from '../../src/main/sources/github/problems';

describe('permissionFor', () => {
  it.each([
    ['GET', '/repos/{owner}/{repo}', 'Metadata: read'],
    ['GET', '/repos/{owner}/{repo}/commits', 'Contents: read'],
    ['GET', '/repos/{owner}/{repo}/commits/{ref}/status', 'Commit statuses: read'],
    ['GET', '/repos/{owner}/{repo}/commits/{ref}/check-runs', 'Checks: read'],
    ['GET', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews', 'Pull requests: read'],
    ['GET', '/repos/{owner}/{repo}/actions/runs', 'Actions: read'],
    ['GET', '/repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments', 'Actions: read'],
    ['GET', '/repos/{owner}/{repo}/environments', 'Actions: read'],
    ['GET', '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses', 'Deployments: read'],
    ['POST', '/repos/{owner}/{repo}/actions/runs/{run_id}/rerun', 'Actions: write'],
    ['POST', '/repos/{owner}/{repo}/actions/runs/{run_id}/cancel', 'Actions: write'],
    ['POST', '/repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments', 'Deployments: read'],
    ['GET', 'https://ghe.example.com/api/v3/repos/o/r/actions/runs?page=2', 'Actions: read'],
    ['GET', '/user', undefined],
  ])('%s %s needs %s', (method, path, permission) => {
    expect(permissionFor(method, path)).toBe(permission);
  });
});

describe('acceptedPermissions', () => {
  it('names the first set of permissions GitHub accepts', () => {
    expect(acceptedPermissions('actions=read')).toBe('Actions: read');
    expect(acceptedPermissions('pull_requests=read, statuses=read; contents=read')).toBe(
      'Pull requests: read, Commit statuses: read',
    );
    expect(acceptedPermissions('deployments=write')).toBe('Deployments: write');
    expect(acceptedPermissions('repository_hooks=read')).toBe('Repository hooks: read');
    expect(acceptedPermissions('')).toBeUndefined();
    expect(acceptedPermissions('garbage')).toBeUndefined();
    expect(acceptedPermissions(undefined)).toBeUndefined();
  });
});

describe('httpProblem', () => {
  const runs = { method: 'GET', path: '/repos/{owner}/{repo}/actions/runs', resource: 'o/r' };
  const answer = (status: number, message: string, headers: Record<string, string> = {}) => ({
    status,
    message,
    headers,
  });

  it('401 is credentials-expired', () => {
    expect(httpProblem(answer(401, 'Bad credentials'), runs)).toMatchObject({
      code: 'credentials-expired',
      message: 'The GitHub token was revoked or expired. Add a new token for this account.',
      resource: 'o/r',
    });
  });

  it('403 names the permission: the header first, else the endpoint', () => {
    const byEndpoint = httpProblem(answer(403, 'Resource not accessible by personal access token'), runs);
    expect(byEndpoint).toMatchObject({ code: 'access-denied', missingPermission: 'Actions: read' });
    expect(byEndpoint.message).toBe('The GitHub token lacks the "Actions: read" permission on o/r.');
    const byHeader = httpProblem(
      answer(403, 'Resource not accessible by personal access token', {
        'x-accepted-github-permissions': 'checks=read',
      }),
      runs,
    );
    expect(byHeader).toMatchObject({ missingPermission: 'Checks: read' });
    const unknown = httpProblem(answer(403, 'Forbidden'), { method: 'GET', path: '/user' });
    expect(unknown).toEqual({ code: 'access-denied', message: 'GitHub refused: Forbidden' });
    expect(httpProblem(answer(403, 'Resource protected by organization SAML enforcement.'), runs)).toMatchObject({
      code: 'access-denied',
      message: expect.stringContaining('single sign-on') as string,
    });
  });

  it('404 is not-found, 409/422 conflict, 5xx internal', () => {
    expect(httpProblem(answer(404, 'Not Found'), runs)).toMatchObject({ code: 'not-found', resource: 'o/r' });
    expect(httpProblem(answer(410, 'Gone'), runs)).toMatchObject({ code: 'not-found', resource: 'o/r' });
    expect(httpProblem(answer(409, 'Conflict'), runs)).toMatchObject({ code: 'conflict' });
    expect(httpProblem(answer(422, 'Validation Failed'), runs).message).toContain('Validation Failed');
    expect(httpProblem(answer(502, ''), runs)).toMatchObject({ code: 'internal' });
    expect(httpProblem(answer(418, 'teapot'), runs)).toMatchObject({ code: 'internal' });
  });

  it('no answer is offline', () => {
    expect(networkProblem(new TypeError('fetch failed'), 'o/r')).toMatchObject({ code: 'offline', resource: 'o/r' });
    expect(networkProblem(new DOMException('timed out', 'TimeoutError')).message).toContain('did not answer in time');
  });
});
