import { describe, expect, it } from 'vitest';
import { defaultSnapshotLimits } from '../../src/main/hub/snapshot/bounds';
import { diffSnapshots } from '../../src/main/hub/snapshot/diff';
import { pullRequest, repository, snapshot } from '../support/snapshot-builders';

const rid = 'repository:acme:eu-west-1:shop';
const approvedState = { state: 'approved' as const, approvedBy: ['arn:aws:iam::1:user/bo'], rules: [] };

describe('pull request events', () => {
  it('reports a new open pull request as opened', () => {
    const events = diffSnapshots(snapshot([repository([])]), snapshot([repository([pullRequest('7')])]));
    expect(events).toEqual([
      expect.objectContaining({
        id: `pullRequest.opened:${rid}:7`,
        kind: 'pullRequest.opened',
        resourceId: rid,
        summary: 'New pull request 7 in shop (Change number 7)',
        data: expect.objectContaining({
          provider: 'codecommit',
          repository: 'shop',
          pullRequestId: '7',
          revisionId: 'rev-7-1',
        }) as unknown,
      }),
    ]);
  });

  it('names the author for display by the user or session name of the author ARN, and keeps the ARN', () => {
    const pr = pullRequest('7', { authorArn: 'arn:aws:sts::1:assumed-role/Dev/alex' });
    const [opened] = diffSnapshots(snapshot([repository([])]), snapshot([repository([pr])]));
    expect(opened?.data).toMatchObject({ author: 'alex', authorArn: 'arn:aws:sts::1:assumed-role/Dev/alex' });
  });

  it('reports an approval once per revision: new commits reset approvals, so approving again is news', () => {
    const open = snapshot([repository([pullRequest('7')])]);
    const approved = snapshot([repository([pullRequest('7', { approval: approvedState })])]);
    expect(diffSnapshots(open, approved).map((e) => e.id)).toEqual([`pullRequest.approved:${rid}:7:rev-7-1`]);
    expect(diffSnapshots(approved, approved)).toEqual([]);
    const revised = snapshot([repository([pullRequest('7', { revisionId: 'rev-7-2', approval: approvedState })])]);
    expect(diffSnapshots(approved, revised).map((e) => e.id)).toEqual([`pullRequest.approved:${rid}:7:rev-7-2`]);
  });

  it('counts a reviewer approval as approved when the pull request has no rules', () => {
    const noRules = { state: 'no-rules' as const, approvedBy: [], rules: [] };
    const before = snapshot([repository([pullRequest('7', { approval: noRules })])]);
    const after = snapshot([repository([pullRequest('7', { approval: { ...noRules, approvedBy: ['arn:x'] } })])]);
    expect(diffSnapshots(before, after).map((e) => e.kind)).toEqual(['pullRequest.approved']);
  });

  it('reports a merge seen on a re-read', () => {
    const before = snapshot([repository([pullRequest('7')])]);
    const merged = pullRequest('7', {
      status: 'CLOSED',
      merge: { isMerged: true, mergedBy: 'arn:aws:iam::1:user/bo' },
    });
    expect(diffSnapshots(before, snapshot([repository([merged])]))).toEqual([
      expect.objectContaining({
        id: `pullRequest.merged:${rid}:7`,
        summary: 'Merged: pull request 7 in shop (Change number 7)',
        data: expect.objectContaining({ mergedBy: 'arn:aws:iam::1:user/bo' }) as unknown,
      }),
    ]);
  });

  it('says nothing when a pull request leaves the open list (closed or merged: the list cannot tell)', () => {
    expect(diffSnapshots(snapshot([repository([pullRequest('7')])]), snapshot([repository([])]))).toEqual([]);
  });

  it('does not take an old pull request that was cut off by the cap for a new one', () => {
    const limits = { ...defaultSnapshotLimits, pullRequestsPerRepository: 2 };
    const full = snapshot([repository([pullRequest('9'), pullRequest('8')])]);
    // 8 was closed: 7, cut off before, comes into view; 10 is really new.
    const next = snapshot([repository([pullRequest('10'), pullRequest('9'), pullRequest('7')])]);
    expect(diffSnapshots(full, next, limits).map((e) => e.id)).toEqual([`pullRequest.opened:${rid}:10`]);
  });
});
