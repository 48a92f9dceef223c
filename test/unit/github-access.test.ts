// Per-repository access gaps: each refused read becomes the area it hides and
// the permission to grant, once per area; passing failures are not gaps.
import { expect, it } from 'vitest';
import { githubAccessGaps } from '../../src/shared/github-access';
import type { SourceProblem } from '../../src/shared/sources';

const fullName = 'acme/api';
const denied = (what: string, missingPermission?: string): SourceProblem => ({
  code: 'access-denied',
  message: `The GitHub token lacks the "${missingPermission ?? '?'}" permission on ${fullName} ${what}.`,
  resource: `${fullName} ${what}`,
  ...(missingPermission === undefined ? {} : { missingPermission }),
});

it('names the area each refused read hides and the permission it needs, once per area', () => {
  const gaps = githubAccessGaps({
    fullName,
    problems: [
      denied('production deployments', 'Deployments: read'),
      denied('#4 reviews', 'Pull requests: read'),
      denied('pull requests', 'Pull requests: read'),
      denied('runs', 'Actions: read'),
      denied('waiting runs', 'Actions: read'),
      denied('#7 checks', 'Commit statuses: read'),
    ],
  });
  expect(gaps.map((g) => [g.area, g.missingPermission])).toEqual([
    ['pull-requests', 'Pull requests: read'],
    ['checks', 'Commit statuses: read'],
    ['actions', 'Actions: read'],
    ['environments', 'Deployments: read'],
  ]);
  expect(gaps[2]?.effect).toBe('Workflow runs and runs waiting for review are not shown');
});

it('is silent about failures that are not a refusal', () => {
  const offline: SourceProblem = {
    code: 'offline',
    message: 'GitHub cannot be reached.',
    resource: `${fullName} runs`,
  };
  expect(githubAccessGaps({ fullName, problems: [offline] })).toEqual([]);
});

it('keeps a refusal without a named permission, with GitHub’s words', () => {
  const gaps = githubAccessGaps({ fullName, problems: [denied('environments')] });
  expect(gaps).toEqual([
    expect.objectContaining({ area: 'environments', message: expect.stringContaining('lacks') as string }),
  ]);
  expect(gaps[0]?.missingPermission).toBeUndefined();
});
