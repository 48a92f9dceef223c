// The hash routes of the renderer: a deploy target's page takes any snapshot
// resource id (ARNs hold ':' and '/'), so its part of the hash is one encoded
// segment, decoded once; anything malformed or oversized is Home.
import { describe, expect, it } from 'vitest';
import { deployTargetHref, routeFromHash, sidebarPage } from '../../src/renderer/src/route-paths';
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
