import { describe, expect, it } from 'vitest';
import { checkRequest, tokenFrom } from '../../src/main/web/guard';

describe("browser mode's request guard", () => {
  const token = 'T'.repeat(43);
  const port = 4567;
  const host = { host: `127.0.0.1:${port}` };

  it('lets our own page through and returns the rest of the path', () => {
    expect(checkRequest(host, `/${token}/api/query/app.info`, port, token)).toEqual({
      ok: true,
      rest: '/api/query/app.info',
    });
    expect(
      checkRequest({ host: `localhost:${port}`, origin: `http://localhost:${port}` }, `/${token}/`, port, token),
    ).toEqual({
      ok: true,
      rest: '/',
    });
  });

  it('answers 401 without the token or with a wrong one', () => {
    expect(checkRequest(host, '/', port, token)).toMatchObject({ ok: false, status: 401 });
    expect(checkRequest(host, `/${token.slice(1)}/`, port, token)).toMatchObject({ ok: false, status: 401 });
    expect(checkRequest(host, `/x/${token}/`, port, token)).toMatchObject({ ok: false, status: 401 });
    expect(checkRequest(host, `/?token=${token}`, port, token)).toMatchObject({ ok: false, status: 401 });
  });

  it('answers 403 to a foreign Host (DNS rebinding), even with the token', () => {
    for (const bad of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, '127.0.0.1', undefined]) {
      expect(checkRequest({ host: bad }, `/${token}/`, port, token)).toMatchObject({ ok: false, status: 403 });
    }
  });

  it('answers 403 to a foreign Origin or a cross-site fetch', () => {
    expect(checkRequest({ ...host, origin: 'https://evil.example' }, `/${token}/`, port, token)).toMatchObject({
      status: 403,
    });
    expect(checkRequest({ ...host, origin: 'null' }, `/${token}/`, port, token)).toMatchObject({ status: 403 });
    expect(checkRequest({ ...host, 'sec-fetch-site': 'cross-site' }, `/${token}/`, port, token)).toMatchObject({
      status: 403,
    });
  });

  it('takes STARBOARD_TOKEN only when it is long and URL-safe', () => {
    expect(tokenFrom(undefined, () => 'random')).toBe('random');
    expect(tokenFrom('a'.repeat(30), () => 'random')).toBe('a'.repeat(30));
    expect(() => tokenFrom('short', () => 'random')).toThrow(/STARBOARD_TOKEN/);
    expect(() => tokenFrom(`${'a'.repeat(30)}/../`, () => 'random')).toThrow(/STARBOARD_TOKEN/);
  });
});
