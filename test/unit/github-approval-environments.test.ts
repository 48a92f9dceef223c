// Which environments a GitHub review covers: the user's pick, or all they may
// approve; a pick that is not waiting or not theirs to review sends nothing.
import { expect, it } from 'vitest';
import { chooseEnvironments } from '../../src/main/hub/approvals/github-approvals';
import type { GitHubApprovalEnvironment } from '../../src/shared/model';

const staging: GitHubApprovalEnvironment = { id: 1, name: 'staging', canApprove: true };
const production: GitHubApprovalEnvironment = { id: 2, name: 'production', canApprove: true };
const audited: GitHubApprovalEnvironment = {
  id: 3,
  name: 'audited',
  canApprove: false,
  reason: 'only the security team reviews it',
};
const waiting = [staging, production, audited];

it('reviews every environment the user may approve when none is picked', () => {
  expect(chooseEnvironments(waiting, undefined)).toEqual({ ok: true, value: [staging, production] });
});

it('reviews exactly the picked environments, once each', () => {
  expect(chooseEnvironments(waiting, [2, 2])).toEqual({ ok: true, value: [production] });
  expect(chooseEnvironments(waiting, [2, 1])).toEqual({ ok: true, value: [production, staging] });
});

it('refuses a pick the user may not review, naming it and why', () => {
  const result = chooseEnvironments(waiting, [1, 3]);
  expect(result).toMatchObject({ ok: false, error: { code: 'access-denied', reason: 'not-sent' } });
  expect(!result.ok && result.error.message).toBe(
    'You cannot review audited: only the security team reviews it. Nothing was sent.',
  );
});

it('refuses a pick that no longer waits on the run', () => {
  expect(chooseEnvironments(waiting, [9])).toMatchObject({ ok: false, error: { code: 'stale-approval' } });
});

it('refuses when the user may review none of them', () => {
  const result = chooseEnvironments([audited], undefined);
  expect(result).toMatchObject({ ok: false, error: { code: 'access-denied' } });
  expect(!result.ok && result.error.message).toContain('not a required reviewer for audited');
});
