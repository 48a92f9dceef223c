import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, resolveBundleFile } from '../../src/main/bundle';
import { tempDir } from '../support/temp-hub';

describe('serving the renderer bundle (RELIABILITY S12)', () => {
  const { dir, remove } = tempDir();
  afterAll(remove);
  const root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'app.js'), '');
  writeFileSync(join(dir, 'secret.txt'), 'outside the bundle');
  symlinkSync(join(dir, 'secret.txt'), join(root, 'assets', 'link.txt'));

  it('serves index.html for / and files under the bundle', async () => {
    expect(await resolveBundleFile(root, '/')).toMatchObject({ ok: true, contentType: 'text/html; charset=utf-8' });
    expect(await resolveBundleFile(root, '/assets/app.js')).toMatchObject({
      ok: true,
      contentType: 'text/javascript; charset=utf-8',
    });
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%5c..%5csecret.txt',
    '/..\\secret.txt',
    '/%00index.html',
    '/./index.html',
    '/%E0%A4%A',
    `/${'a'.repeat(2000)}`,
  ])('refuses %s with 400', async (path) => {
    expect(await resolveBundleFile(root, path)).toEqual({ ok: false, status: 400 });
  });

  it.each(['/missing.js', '/assets', '/assets/link.txt', '//etc/passwd'])('answers %s with 404', async (path) => {
    expect(await resolveBundleFile(root, path)).toEqual({ ok: false, status: 404 });
  });

  it('sets a strict policy: no eval, no inline script, no remote origins', () => {
    expect(contentSecurityPolicy).toContain("default-src 'none'");
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-(eval|inline)|https?:|\*/);
  });
});
