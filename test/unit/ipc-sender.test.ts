import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../src/main/shell/ipc-sender';

describe('IPC sender checks (RELIABILITY S01, Electron checklist 17)', () => {
  const origins = ['app://bundle'];

  it('trusts the main frame of our own page', () => {
    expect(isTrustedSender({ url: 'app://bundle/index.html#/settings', parent: null }, origins)).toBe(true);
  });

  it.each([
    ['a child frame', { url: 'app://bundle/index.html', parent: {} }],
    ['a foreign origin', { url: 'https://evil.example/', parent: null }],
    ['a look-alike host', { url: 'app://bundle.evil/index.html', parent: null }],
    ['a file URL', { url: 'file:///tmp/index.html', parent: null }],
    ['about:blank', { url: 'about:blank', parent: null }],
    ['a malformed URL', { url: 'not a url', parent: null }],
    ['an empty URL', { url: '', parent: null }],
    ['no frame at all', null],
  ])('refuses %s', (_label, frame) => {
    expect(isTrustedSender(frame, origins)).toBe(false);
  });

  it('trusts the dev server only when it is the configured origin', () => {
    expect(isTrustedSender({ url: 'http://localhost:5173/', parent: null }, ['http://localhost:5173'])).toBe(true);
    expect(isTrustedSender({ url: 'http://localhost:5174/', parent: null }, ['http://localhost:5173'])).toBe(false);
  });
});
