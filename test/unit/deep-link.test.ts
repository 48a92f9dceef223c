import { describe, expect, it } from 'vitest';
import { parseDeepLink, targetHash } from '../../src/main/hub/desktop/deep-link';
import { routeFromHash } from '../../src/shared/route-paths';

const arn = 'arn:aws:codebuild:eu-west-1:111122223333:build/web:0f0e2d4c-1111-4222-8333-944455556666';

describe('starboard:// links', () => {
  it.each([
    ['starboard://home', '#/home'],
    ['starboard://approvals', '#/approvals'],
    ['starboard://projects/storefront', '#/projects/storefront'],
    [
      'starboard://pipelines/acme/eu-west-1/storefront-release',
      '#/pipelines/pipeline%3Aacme%3Aeu-west-1%3Astorefront-release',
    ],
    [
      'starboard://pipelines/acme/eu-west-1/web?execution=5c2e1f0a-aaaa-4bbb-8ccc-123456789012',
      '#/pipelines/pipeline%3Aacme%3Aeu-west-1%3Aweb?execution=5c2e1f0a-aaaa-4bbb-8ccc-123456789012',
    ],
    [`starboard://builds/${encodeURIComponent(arn)}`, `#/builds/${encodeURIComponent(`build:${arn}`)}`],
    ['starboard://deployments/codedeploy/d-ABCDEF123', '#/deployments/codedeploy/d-ABCDEF123'],
    ['starboard://github/gh/acme-rockets/mobile-backend/runs/42', '#/github/gh/acme-rockets/mobile-backend/runs/42'],
  ])('%s opens %s', (link, hash) => {
    expect(parseDeepLink(link)).toEqual({ kind: 'route', hash });
    // …and the window reads that hash as the same item, not Home.
    if (hash !== '#/home') expect(routeFromHash(hash).page).not.toBe('home');
  });

  it('opens the review window for an approval', () => {
    expect(parseDeepLink('starboard://approvals/apv_0123456789abcdefXYZ')).toEqual({
      kind: 'approval',
      approvalId: 'apv_0123456789abcdefXYZ',
    });
  });

  it.each([
    ['another scheme', 'https://approvals/apv_0123456789abcdef'],
    ['javascript', 'javascript:alert(1)'],
    ['not a URL', 'starboard:'],
    ['unknown section', 'starboard://admin/settings'],
    ['credentials', 'starboard://user:pass@pipelines/acme/eu-west-1/web'],
    ['a port', 'starboard://pipelines:8080/acme/eu-west-1/web'],
    ['a malformed approval id', 'starboard://approvals/not-an-id'],
    ['extra parts', 'starboard://approvals/apv_0123456789abcdef/approve'],
    ['a bad region', 'starboard://pipelines/acme/mars-1/web'],
    ['a bad pipeline name', 'starboard://pipelines/acme/eu-west-1/we b'],
    ['an encoded slash', 'starboard://projects/a%2Fb'],
    ['a control character', 'starboard://projects/a%0Ab'],
    ['bad percent-encoding', 'starboard://projects/%E0%A4%A'],
    ['a bad execution id', 'starboard://pipelines/acme/eu-west-1/web?execution=%3Cscript%3E'],
    ['not a build ARN', 'starboard://builds/arn%3Aaws%3As3%3A%3A%3Abucket'],
    ['a run id with a leading zero', 'starboard://github/gh/o/r/runs/042'],
    ['too long', `starboard://projects/${'a'.repeat(3000)}`],
  ])('refuses %s', (_label, link) => {
    expect(parseDeepLink(link)).toBeUndefined();
  });
});

describe('notification targets', () => {
  it('open the item in the window', () => {
    expect(targetHash({ page: 'codedeploy-deployment', deploymentId: 'd-ABC' })).toBe('#/deployments/codedeploy/d-ABC');
    expect(targetHash({ page: 'github-run', accountKey: 'gh', repository: 'o/r', runId: 7 })).toBe(
      '#/github/gh/o/r/runs/7',
    );
    expect(
      routeFromHash(targetHash({ page: 'pipeline', resourceId: 'pipeline:acme:eu-west-1:web', executionId: 'e-1' })),
    ).toEqual({
      page: 'pipeline',
      resourceId: 'pipeline:acme:eu-west-1:web',
      executionId: 'e-1',
    });
    expect(routeFromHash(targetHash({ page: 'build', resourceId: `build:${arn}` }))).toEqual({
      page: 'build',
      resourceId: `build:${arn}`,
    });
  });
});
