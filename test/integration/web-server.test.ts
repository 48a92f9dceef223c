// Browser mode end to end in Node: the real server, hub and settings file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxStreams } from '../../src/main/web/events-stream';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import { recordingLogger, tempDir, tempHub } from '../support/temp-hub';
import { rawRequest } from '../support/web';
import { defaultSettings } from '../../src/shared/model';

const token = 'integration-token-0123456789abcdef';
const { dir, remove } = tempDir();
let server: WebServer;
const log = recordingLogger();

beforeAll(async () => {
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><title>Starboard</title><div id="bundle-index"></div>',
  );
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const { hub } = tempHub(dir, log);
  server = await startWebServer({ hub, rendererDir, token, port: 0, log });
});
afterAll(async () => {
  await server.close();
  remove();
});

const host = () => ({ Host: `127.0.0.1:${server.port}` });
const post = (kind: string, name: string, body: string | Buffer, headers: Record<string, string> = {}) =>
  rawRequest(server.port, `/${token}/api/${kind}/${name}`, {
    method: 'POST',
    headers: { ...host(), 'Content-Type': 'application/json', ...headers },
    body,
  });

describe('browser mode: who may connect', () => {
  it('binds to loopback and prints a URL carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/${token}/`);
  });

  it('serves the page with the token, with security headers', async () => {
    const page = await rawRequest(server.port, `/${token}/`, { headers: host() });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Starboard</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect((await rawRequest(server.port, `/${token}/assets/app.js`, { headers: host() })).status).toBe(200);
  });

  it('redirects the bare token path to the page', async () => {
    const response = await rawRequest(server.port, `/${token}`, { headers: host() });
    expect(response.status).toBe(308);
    expect(response.headers.location).toBe(`/${token}/`);
  });

  it('refuses requests without the token (401)', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js', '/api/query/app.info', `/${token}x/`]) {
      expect((await rawRequest(server.port, path, { headers: host() })).status).toBe(401);
    }
    expect((await post('query', 'app.info', '{}', {})).status).toBe(200);
  });

  it('refuses a foreign Host header (403), token or not', async () => {
    const response = await rawRequest(server.port, `/${token}/`, { headers: { Host: 'rebound.evil.example' } });
    expect(response.status).toBe(403);
    expect(response.body).not.toContain('bundle-index');
  });

  it('refuses a foreign Origin (403) before any command runs', async () => {
    const response = await post('command', 'settings.update', '{"theme":"dark"}', { Origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    const settings = await post('query', 'settings.get', '{}');
    expect(JSON.parse(settings.body)).toEqual({ ok: true, value: { ...defaultSettings, theme: 'system' } });
  });

  it('refuses path traversal out of the bundle', async () => {
    for (const path of ['/%2e%2e/config.json', '/..%2fconfig.json', '/assets/..%5c..%5cconfig.json']) {
      const response = await rawRequest(server.port, `/${token}${path}`, { headers: host() });
      expect([400, 404]).toContain(response.status);
    }
  });
});

describe('browser mode: malformed messages get typed errors (RELIABILITY S03)', () => {
  const cases: [string, () => ReturnType<typeof post>, number, string][] = [
    ['wrong types', () => post('command', 'settings.update', '{"theme":42}'), 400, 'invalid-input'],
    ['an extra key', () => post('command', 'settings.update', '{"theme":"dark","x":1}'), 400, 'invalid-input'],
    ['a __proto__ key', () => post('command', 'settings.update', '{"__proto__":{"admin":true}}'), 400, 'invalid-input'],
    ['an unknown command', () => post('command', 'deleteEverything', '{}'), 404, 'unknown-message'],
    ['a query sent as a command', () => post('command', 'settings.get', '{}'), 404, 'unknown-message'],
    ['invalid JSON', () => post('command', 'settings.update', '{"theme":'), 400, 'invalid-input'],
    [
      'a non-JSON content type',
      () => post('command', 'settings.update', 'theme=dark', { 'Content-Type': 'text/plain' }),
      415,
      'invalid-input',
    ],
    [
      'an oversized payload',
      () => post('command', 'settings.update', JSON.stringify({ theme: 'x'.repeat(2 * 1024 * 1024) })),
      413,
      'payload-too-large',
    ],
  ];

  it.each(cases)('%s', async (_label, send, status, code) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code } });
  });

  it('still answers afterwards, and nothing was changed', async () => {
    const response = await post('query', 'settings.get', '{}');
    expect(JSON.parse(response.body)).toEqual({ ok: true, value: { ...defaultSettings, theme: 'system' } });
  });

  it('refuses GET on the API', async () => {
    const response = await rawRequest(server.port, `/${token}/api/query/app.info`, { headers: host() });
    expect(response.status).toBe(405);
  });
});

describe('browser mode: events over Server-Sent Events', () => {
  it('pushes a change made by a command to an open stream', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}api/events`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body?.getReader() as ReadableStreamDefaultReader<Uint8Array> | undefined;
    if (!reader) throw new Error('no body');
    await post('command', 'settings.update', '{"theme":"dark"}');
    let text = '';
    while (!/data: .*settings\.changed.*\n/.test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    // Other events (refresh status, for one) may come first: the hub runs on its own clock.
    const events = text
      .split('\n')
      .filter((l) => l.startsWith('data: '))
      .map((l) => JSON.parse(l.slice('data: '.length)) as { name: string });
    expect(events.find((e) => e.name === 'settings.changed')).toEqual({
      name: 'settings.changed',
      payload: { ...defaultSettings, theme: 'dark' },
    });
  });

  it('caps the number of open streams', async () => {
    const controllers = Array.from({ length: maxStreams + 1 }, () => new AbortController());
    const responses = await Promise.all(controllers.map((c) => fetch(`${server.url}api/events`, { signal: c.signal })));
    expect(responses.filter((r) => r.status === 429)).toHaveLength(1);
    for (const c of controllers) c.abort();
  });
});
