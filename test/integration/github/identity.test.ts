// Checking a pasted token at once: GET /user gives the login, the token's
// prefix its kind, and `x-oauth-scopes` the scopes of a classic or OAuth
// token. A refused token is credentials-expired, and the token is in none
// of the answers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkToken } from '../../../src/main/sources/github/identity';
import { demoToken, startSourceHarness, type SourceHarness } from './support';

let h: SourceHarness;
beforeEach(async () => {
  h = await startSourceHarness('demo');
});
afterEach(() => h.sim.close());

describe('checkToken', () => {
  it('names the login and the scopes of a classic token, on github.com and GHES base URLs', async () => {
    for (const baseUrl of [h.sim.url, h.sim.enterpriseUrl]) {
      expect(await checkToken(baseUrl, `  ${demoToken}\n`)).toEqual({
        ok: true,
        value: {
          login: 'demo-dev',
          name: expect.any(String) as string,
          tokenKind: 'classic',
          scopes: ['repo', 'workflow', 'read:org'],
        },
      });
    }
  });

  it('lists no scopes for a fine-grained token, and knows an OAuth token', async () => {
    const fine = await checkToken(h.sim.url, 'github_pat_11ABCDEF0123456789');
    expect(fine).toMatchObject({ ok: true, value: { login: 'demo-dev', tokenKind: 'fine-grained' } });
    expect(fine.ok && fine.value.scopes).toBeUndefined();
    const oauth = await checkToken(h.sim.url, 'gho_0123456789abcdef0123456789abcdef0123');
    expect(oauth).toMatchObject({ ok: true, value: { tokenKind: 'oauth', scopes: ['repo', 'workflow', 'read:org'] } });
  });

  it('reports a revoked or unknown token as credentials-expired, without the token', async () => {
    h.sim.control.revokeToken(demoToken);
    const revoked = await checkToken(h.sim.url, demoToken);
    expect(revoked).toMatchObject({
      ok: false,
      error: { code: 'credentials-expired', message: expect.stringContaining('did not accept this token') as string },
    });
    expect(JSON.stringify(revoked)).not.toContain(demoToken);
    expect(await checkToken(h.sim.url, 'nonsense')).toMatchObject({
      ok: false,
      error: { code: 'credentials-expired' },
    });
  });

  it('refuses an address that would send the token in clear text, and reports an unreachable host', async () => {
    expect(await checkToken('http://ghe.example.com/api/v3', demoToken)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await checkToken('http://127.0.0.1:9', demoToken)).toMatchObject({ ok: false, error: { code: 'offline' } });
  });

  it('reads the identity of an account source', async () => {
    const source = h.source();
    expect(await source.identity('classic')).toMatchObject({ ok: true, value: { login: 'demo-dev' } });
    expect(h.sim.requests.count({ operation: 'users/get-authenticated' })).toBe(1);
  });
});
