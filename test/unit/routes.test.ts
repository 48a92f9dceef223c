// The hash routes of the renderer: a deploy target's page takes any snapshot
// resource id (ARNs hold ':' and '/'), so its part of the hash is one encoded
// segment, decoded once; anything malformed or oversized is Home. The review
// window's route takes only an approval id as main mints them and an
// optional decision, nothing else.
import { describe, expect, it } from 'vitest';
import {
  deployTargetHref,
  navigableHash,
  reviewHref,
  routeFromHash,
  sidebarPage,
} from '../../src/renderer/src/route-paths';
import { followNavigation } from '../../src/renderer/src/api/hub-events';
import { approvalIdSchema } from '../../src/shared/model';
import { deployTargetId } from '../../src/shared/snapshot';

const beanstalk = deployTargetId(
  'beanstalk-environment',
  'arn:aws:elasticbeanstalk:us-east-1:111122223333:environment/payments-api/payments-api-prod',
);
const stack = deployTargetId(
  'cloudformation-stack',
  'arn:aws:cloudformation:us-east-1:111122223333:stack/mobile-backend-staging/5e1f2a30-9c4b-11ef-8e2a-0e2e00000001',
);

describe('a deploy target’s route', () => {
  for (const resourceId of [
    beanstalk,
    stack,
    deployTargetId('ecs-service', 'arn:aws:ecs:us-east-1:111122223333:service/mobile-prod/mobile-api'),
    deployTargetId('codedeploy-group', 'arn:aws:codedeploy:us-east-1:111122223333:deploymentgroup:storefront/prod'),
    'an id with spaces, ?query, #hash, 100% and ünïcödé',
  ])
    it(`round-trips ${resourceId.slice(0, 60)} through its href`, () => {
      const href = deployTargetHref(resourceId);
      expect(href.slice('#/deployments/targets/'.length)).not.toMatch(/[/?#]/);
      expect(routeFromHash(href)).toEqual({ page: 'deploy-target', resourceId });
    });

  it('decodes exactly once: an encoded escape stays an escape', () => {
    expect(routeFromHash('#/deployments/targets/a%2525b')).toEqual({ page: 'deploy-target', resourceId: 'a%25b' });
    expect(routeFromHash('#/deployments/targets/stack%2Fname')).toEqual({
      page: 'deploy-target',
      resourceId: 'stack/name',
    });
  });

  it('leaves a query after the id out of it', () => {
    expect(routeFromHash(`${deployTargetHref(beanstalk)}?from=matrix`)).toEqual({
      page: 'deploy-target',
      resourceId: beanstalk,
    });
  });

  for (const [what, hash] of [
    ['a malformed escape', '#/deployments/targets/%E0%A4%A'],
    ['a lone percent sign', '#/deployments/targets/100%'],
    ['no id', '#/deployments/targets/'],
    ['an unencoded slash (two segments)', '#/deployments/targets/arn:aws:ecs:us-east-1:1:service/c/s'],
    ['an oversized id', `#/deployments/targets/${'a'.repeat(2049)}`],
    ['an id of escapes past the size limit', `#/deployments/targets/${'%41'.repeat(700)}`],
  ] as const)
    it(`is Home for ${what}`, () => {
      expect(routeFromHash(hash)).toEqual({ page: 'home' });
    });

  it('takes an id at the size limit', () => {
    const id = 'a'.repeat(2048);
    expect(routeFromHash(`#/deployments/targets/${id}`)).toEqual({ page: 'deploy-target', resourceId: id });
  });

  it('counts as Deployments in the sidebar', () => {
    expect(sidebarPage(routeFromHash(deployTargetHref(stack)))).toBe('deployments');
  });

  it('does not take the CodeDeploy deployment route’s place', () => {
    expect(routeFromHash('#/deployments/codedeploy/d-ABC123')).toEqual({
      page: 'codedeploy-deployment',
      deploymentId: 'd-ABC123',
    });
    expect(routeFromHash('#/deployments')).toEqual({ page: 'deployments' });
  });
});

describe('the review window’s route', () => {
  const id = 'apv_0123456789abcdef_-XY';

  it('reads an approval id, with or without a decision', () => {
    expect(routeFromHash(`#/review/${id}`)).toEqual({ page: 'review', approvalId: id });
    expect(routeFromHash(`#/review/${id}?decision=approve`)).toEqual({
      page: 'review',
      approvalId: id,
      decision: 'approve',
    });
    expect(routeFromHash(`#/review/${id}?decision=reject`)).toEqual({
      page: 'review',
      approvalId: id,
      decision: 'reject',
    });
  });

  it('round-trips through reviewHref', () => {
    for (const decision of [undefined, 'approve', 'reject'] as const) {
      const route = routeFromHash(reviewHref(id, decision));
      expect(route).toEqual(
        decision === undefined ? { page: 'review', approvalId: id } : { page: 'review', approvalId: id, decision },
      );
    }
  });

  it('takes ids at both length limits, as main’s approvalIdSchema does', () => {
    for (const candidate of [`apv_${'a'.repeat(16)}`, `apv_${'Z'.repeat(64)}`]) {
      expect(approvalIdSchema.safeParse(candidate).success).toBe(true);
      expect(routeFromHash(`#/review/${candidate}`)).toEqual({ page: 'review', approvalId: candidate });
    }
  });

  for (const [what, hash] of [
    ['no id', '#/review/'],
    ['no id at all', '#/review'],
    ['an id without the apv_ prefix', '#/review/0123456789abcdef0123'],
    ['an id too short', `#/review/apv_${'a'.repeat(15)}`],
    ['an id too long', `#/review/apv_${'a'.repeat(65)}`],
    ['an encoded character in the id', '#/review/apv_0123456789abcdef%2F'],
    ['a dot in the id', '#/review/apv_0123456789abcdef.x'],
    ['a second path segment', `#/review/${id}/approve`],
    ['an unknown decision', `#/review/${id}?decision=approve-all`],
    ['a decision in capitals', `#/review/${id}?decision=Approve`],
    ['an empty decision', `#/review/${id}?decision=`],
    ['an empty query', `#/review/${id}?`],
    ['another parameter', `#/review/${id}?decision=approve&comment=ok`],
    ['another parameter first', `#/review/${id}?x=1&decision=approve`],
    ['a second question mark', `#/review/${id}?decision=approve?decision=reject`],
    ['a repeated decision', `#/review/${id}?decision=reject&decision=approve`],
  ] as const)
    it(`is Home for ${what}`, () => {
      expect(routeFromHash(hash)).toEqual({ page: 'home' });
    });

  it('agrees with main’s approvalIdSchema on the ids it refuses', () => {
    for (const candidate of ['apv_short', `apv_${'a'.repeat(65)}`, 'apv_0123456789abcdef!', 'APV_0123456789abcdef']) {
      expect(approvalIdSchema.safeParse(candidate).success).toBe(false);
      expect(routeFromHash(`#/review/${candidate}`)).toEqual({ page: 'home' });
    }
  });

  it('counts as Approvals in the sidebar', () => {
    expect(sidebarPage(routeFromHash(reviewHref(id, 'approve')))).toBe('approvals');
  });
});

describe('where app.navigate may send the window', () => {
  it('follows an in-app route', () => {
    expect(navigableHash('#/pipelines')).toBe('#/pipelines');
    expect(navigableHash('#/review/apv_0123456789abcdef?decision=approve')).toBe(
      '#/review/apv_0123456789abcdef?decision=approve',
    );
  });

  for (const hash of ['', '#', '#pipelines', '/pipelines', 'https://example.com/#/x', '#/a b', `#/${'a'.repeat(4095)}`])
    it(`stays put for ${JSON.stringify(hash.slice(0, 40))}`, () => {
      expect(navigableHash(hash)).toBeUndefined();
    });

  it('moves the window on app.navigate only, and only to an in-app route', () => {
    const location = { hash: '#/approvals' };
    followNavigation({ name: 'app.navigate', payload: { hash: '#/review/apv_0123456789abcdef' } }, location);
    expect(location.hash).toBe('#/review/apv_0123456789abcdef');
    followNavigation({ name: 'app.navigate', payload: { hash: 'javascript:alert(1)' } }, location);
    expect(location.hash).toBe('#/review/apv_0123456789abcdef');
    followNavigation({ name: 'demo.changed', payload: { active: false, state: 'off' } }, location);
    expect(location.hash).toBe('#/review/apv_0123456789abcdef');
    expect(() => followNavigation({ name: 'app.navigate', payload: { hash: '#/x' } }, undefined)).not.toThrow();
  });
});
