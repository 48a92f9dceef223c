// GitHub tokens from the environment, looked up as the GitHub CLI does.
import { expect, it } from 'vitest';
import { environmentToken, tokenVariablesSet } from '../../src/main/sources/github-auth/environment';

const dotCom = 'ghp_dotcom00000000000000000000000000000001';
const enterprise = 'ghp_enterprise000000000000000000000000001';

it('prefers GH_TOKEN, then GITHUB_TOKEN, for github.com', () => {
  expect(environmentToken({ GITHUB_TOKEN: dotCom }, false)).toEqual({ token: dotCom, variable: 'GITHUB_TOKEN' });
  expect(environmentToken({ GITHUB_TOKEN: 'x', GH_TOKEN: ` ${dotCom}\n` }, false)).toEqual({
    token: dotCom,
    variable: 'GH_TOKEN',
  });
  expect(environmentToken({ GH_ENTERPRISE_TOKEN: enterprise }, false)).toBeUndefined();
});

it('prefers the enterprise variables for a GitHub Enterprise Server, then falls back', () => {
  expect(environmentToken({ GITHUB_TOKEN: dotCom, GH_ENTERPRISE_TOKEN: enterprise }, true)).toEqual({
    token: enterprise,
    variable: 'GH_ENTERPRISE_TOKEN',
  });
  expect(environmentToken({ GITHUB_TOKEN: dotCom }, true)).toEqual({ token: dotCom, variable: 'GITHUB_TOKEN' });
});

it('treats empty and malformed values as unset, and reports names only', () => {
  const env = { GH_TOKEN: '', GITHUB_TOKEN: 'has a space', GITHUB_ENTERPRISE_TOKEN: enterprise };
  expect(environmentToken(env, false)).toBeUndefined();
  expect(tokenVariablesSet(env)).toEqual(['GITHUB_ENTERPRISE_TOKEN']);
});
