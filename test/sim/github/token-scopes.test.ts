// Classic and OAuth tokens name their scopes in `x-oauth-scopes` on every
// answer, as on GitHub; fine-grained tokens and refused tokens do not.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, startHarness, type Harness } from './harness';

let sim: Harness;
beforeEach(async () => {
  sim = await startHarness('demo');
});
afterEach(() => sim.close());

describe('x-oauth-scopes', () => {
  it.each(['ghp_scopes000000000000000000000000000000', 'gho_scopes000000000000000000000000000000'])(
    'names the scopes of %s, also under the GHES base path',
    async (token) => {
      for (const enterprise of [false, true]) {
        const { headers } = await sim.octokit({ token, enterprise }).rest.users.getAuthenticated();
        expect(headers['x-oauth-scopes']).toBe('repo, workflow, read:org');
      }
    },
  );

  it('is absent for a fine-grained token and for bad credentials', async () => {
    const fine = await sim.octokit({ token: 'github_pat_scopes0000000000000000' }).rest.users.getAuthenticated();
    expect(fine.headers['x-oauth-scopes']).toBeUndefined();
    sim.control.revokeToken('ghp_revoked00000000000000000000000000000');
    const refused = await failure(
      sim.octokit({ token: 'ghp_revoked00000000000000000000000000000' }).rest.users.getAuthenticated(),
    );
    expect(refused.status).toBe(401);
    expect(refused.headers['x-oauth-scopes']).toBeUndefined();
  });
});
