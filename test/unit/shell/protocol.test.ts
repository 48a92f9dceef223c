// app://bundle, with the electron module replaced at its boundary (RELIABILITY S12, checklist 18).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../support/temp-hub';

vi.mock('electron', async () => (await import('../../support/fake-electron')).fakeElectron);
const { serveBundleRequest } = await import('../../../src/main/shell/protocol');

describe('electron boundary: the app:// protocol', () => {
  const { dir, remove } = tempDir();
  afterAll(remove);
  const root = join(dir, 'renderer');
  mkdirSync(root);
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Starboard</title>');
  writeFileSync(join(dir, 'secret'), 'nope');

  it('serves the bundle with the security headers', async () => {
    const response = await serveBundleRequest(root, { url: 'app://bundle/index.html' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await response.text()).toContain('<title>Starboard</title>');
  });

  // The URL parser already folds dot segments, so some of these arrive as a
  // missing /secret (404) rather than a traversal (400); none may be served.
  it.each([
    'app://bundle/../secret',
    'app://bundle/%2e%2e/secret',
    'app://bundle/..%2fsecret',
    'app://bundle/..%5csecret',
    'app://other/index.html',
  ])('refuses %s', async (url) => {
    const response = await serveBundleRequest(root, { url });
    expect([400, 404]).toContain(response.status);
    expect(await response.text()).not.toBe('nope');
  });
});
