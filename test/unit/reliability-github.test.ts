// RELIABILITY G03: a revoked or expired token (401 Bad credentials) is asked
// once and never again by Starboard's GitHub client, for a read or a write,
// against the GitHub simulator over HTTP; the problem it reports is the one
// that pauses the account's refresh tasks until the user signs in again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outcomeFromProblems } from '../../src/main/hub/scheduler/outcome';
import { shape } from '../../src/main/sources/github/client';
import { GitHubProblemError } from '../../src/main/sources/github/problems';
import type { SourceProblem } from '../../src/shared/sources';
import { demoToken, startSourceHarness, statuses, type SourceHarness } from '../integration/github/support';

const storefront = { owner: 'acme-rockets', repo: 'storefront' };
const raw = shape('raw', (body: unknown) => body);

let h: SourceHarness;
beforeEach(async () => {
  h = await startSourceHarness('demo');
});
afterEach(() => h.sim.close());

async function problem(call: Promise<unknown>): Promise<SourceProblem> {
  try {
    await call;
  } catch (error) {
    if (error instanceof GitHubProblemError) return error.problem;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('401 Bad credentials (RELIABILITY G03)', () => {
  it('sends a refused read once, reports credentials-expired, and that pauses the account', async () => {
    const client = h.client();
    h.sim.control.revokeToken(demoToken);
    h.sim.requests.reset();
    const refused = await problem(client.get('GET /repos/{owner}/{repo}', storefront, raw, 'acme-rockets/storefront'));
    expect(refused.code).toBe('credentials-expired');
    expect(statuses(h.sim)).toEqual({ 401: 1 });
    // The scheduler's reading of it: every task of this account waits for a new sign-in.
    expect(outcomeFromProblems({ cadence: 'idle', problem: refused })).toEqual({ kind: 'credentials-expired' });
  });

  it('sends a refused write once, never again', async () => {
    const client = h.client();
    const run = h.sim.control.startWorkflowRun({ repo: 'acme-rockets/storefront' });
    h.sim.control.revokeToken(demoToken);
    h.sim.requests.reset();
    const refused = await problem(
      client.write('POST /repos/{owner}/{repo}/actions/runs/{run_id}/cancel', { ...storefront, run_id: run }),
    );
    expect(refused.code).toBe('credentials-expired');
    expect(statuses(h.sim)).toEqual({ 401: 1 });
  });

  it('sends nothing for a paged read beyond the refused first page', async () => {
    const client = h.client();
    h.sim.control.revokeToken(demoToken);
    h.sim.requests.reset();
    const refused = await problem(
      client.getAll(
        'GET /repos/{owner}/{repo}/actions/runs',
        { ...storefront, per_page: 1 },
        shape('runs', (page: { workflow_runs: unknown[] }) => page.workflow_runs),
      ),
    );
    expect(refused.code).toBe('credentials-expired');
    expect(statuses(h.sim)).toEqual({ 401: 1 });
  });
});
