// Settings → Diagnostics: what main keeps of its warnings and errors is
// redacted, bounded, survives a restart, and the report names no secret.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  DiagnosticsRecorder,
  diagnosticsFile,
  diagnosticsOf,
  redactText,
  redactValue,
} from '../../src/main/hub/diagnostics';
import { silentLogger } from '../../src/main/hub/log';

const accessKey = 'AKIAIOSFODNN7EXAMPLE';
const sessionKey = 'ASIAXYZ1234567890ABC';
const secretKey = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const ghToken = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
const patToken = 'github_pat_' + '11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz';
const secrets = [accessKey, sessionKey, secretKey, ghToken, patToken, 'eyJhbGciOi.payload.sig', 'hunter2'];

const tempDir = () => mkdtempSync(join(tmpdir(), 'starboard-diagnostics-'));

describe('redaction', () => {
  it('masks keys, tokens and bearer headers inside text, keeping the words around them', () => {
    const text = redactText(
      `signed with ${accessKey} / ${sessionKey} secret ${secretKey}; gh ${ghToken} pat ${patToken}; Authorization: Bearer eyJhbGciOi.payload.sig; password=hunter2`,
    );
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).toContain('signed with [redacted]');
    expect(text).toContain('password=[redacted]');
  });

  it('keeps commit SHAs, ARNs and account ids, which are not secrets', () => {
    const text = 'commit 3f786850e387550fdab836ed7e6dc881de23001b in arn:aws:codepipeline:eu-west-1:123456789012:web';
    expect(redactText(text)).toBe(text);
  });

  it('replaces secret field names whatever their value, at any depth', () => {
    const value = redactValue({
      account: 'prod',
      token: 'short',
      nested: { sessionToken: 'x', secretAccessKey: 'y', Password: 'z', list: [{ apiToken: 'w', note: ghToken }] },
    });
    expect(value).toEqual({
      account: 'prod',
      token: '[redacted]',
      nested: {
        sessionToken: '[redacted]',
        secretAccessKey: '[redacted]',
        Password: '[redacted]',
        list: [{ apiToken: '[redacted]', note: '[redacted]' }],
      },
    });
  });
});

describe('the recorder', () => {
  it('records warnings and errors from the wrapped logger, not info, and still logs them', () => {
    const inner = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const recorder = new DiagnosticsRecorder({ now: () => new Date('2026-11-28T06:00:00Z') });
    const log = recorder.wrap(inner);
    log.info('refreshed', { account: 'dev' });
    log.warn(`sign-in failed for ${accessKey}`, { account: 'dev', token: ghToken });
    log.error('read failed', new Error(`Bearer ${ghToken} refused`));
    expect(inner.info).toHaveBeenCalledTimes(1);
    expect(inner.warn).toHaveBeenCalledTimes(1);
    expect(inner.error).toHaveBeenCalledTimes(1);
    expect(recorder.entries).toEqual([
      {
        at: '2026-11-28T06:00:00.000Z',
        level: 'error',
        message: 'read failed',
        context: '"Bearer [redacted] refused"',
      },
      {
        at: '2026-11-28T06:00:00.000Z',
        level: 'warn',
        message: 'sign-in failed for [redacted]',
        context: '{"account":"dev","token":"[redacted]"}',
      },
    ]);
  });

  it('keeps the last 100, newest first', () => {
    const recorder = new DiagnosticsRecorder();
    for (let i = 0; i < 130; i++) recorder.record('warn', `warning ${i}`);
    expect(recorder.entries).toHaveLength(100);
    expect(recorder.entries[0]?.message).toBe('warning 129');
    expect(recorder.entries[99]?.message).toBe('warning 30');
  });

  it('persists to diagnostics.jsonl, re-reads it after a restart, and keeps the file bounded', () => {
    const dir = tempDir();
    const file = join(dir, diagnosticsFile);
    const first = new DiagnosticsRecorder({ file });
    for (let i = 0; i < 450; i++) first.record(i % 2 ? 'error' : 'warn', `problem ${i}`, { token: ghToken });
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    expect(lines.length).toBeLessThanOrEqual(200);
    expect(readFileSync(file, 'utf8')).not.toContain(ghToken);

    const again = new DiagnosticsRecorder({ file });
    expect(again.entries).toHaveLength(100);
    expect(again.entries[0]).toMatchObject({ level: 'error', message: 'problem 449' });
    expect(again.entries[99]?.message).toBe('problem 350');
  });

  it('skips unreadable lines in the file instead of failing', () => {
    const dir = tempDir();
    const file = join(dir, diagnosticsFile);
    writeFileSync(
      file,
      'not json\n{"at":"2026-11-28T05:00:00Z","level":"warn","message":"kept"}\n{"level":"info","message":"x","at":"y"}\n',
    );
    expect(new DiagnosticsRecorder({ file }).entries.map((e) => e.message)).toEqual(['kept']);
  });

  it('never throws when the file cannot be written', () => {
    const recorder = new DiagnosticsRecorder({ file: join(tempDir(), 'missing', 'dir', diagnosticsFile) });
    const log = recorder.wrap(silentLogger);
    expect(() => log.warn('still recorded')).not.toThrow();
    expect(recorder.entries).toHaveLength(1);
  });
});

describe('the report', () => {
  const recorder = new DiagnosticsRecorder({ now: () => new Date('2026-11-28T06:10:00Z') });
  recorder.record('error', `codebuild read failed with ${accessKey}`, { secret: secretKey, region: 'eu-west-1' });
  const diagnostics = diagnosticsOf({
    info: { version: '1.2.3', platform: 'linux', mode: 'browser', dataDir: '/home/me/.config/Starboard' },
    entries: recorder.entries,
    awsAccounts: [
      { accountKey: 'a1', label: 'Production', profile: 'prod', regions: ['eu-west-1', 'us-east-1'], state: 'ok' },
      {
        accountKey: 'a2',
        label: 'Staging',
        profile: null,
        regions: ['eu-west-1'],
        state: 'needs-sign-in',
        problem: 'The SSO session expired.',
      },
    ],
    githubAccounts: [
      {
        accountKey: 'g1',
        label: 'octo',
        host: 'github.com',
        state: 'ok',
        token: { source: 'environment', variable: 'GITHUB_TOKEN' },
      },
    ],
    refresh: {
      lastRefreshAt: '2026-11-28T06:09:00Z',
      online: true,
      throttled: [],
      needsSignIn: ['a2'],
      running: 1,
      tasks: 12,
      failing: [{ key: 'a1:eu-west-1:builds', message: `denied for ${sessionKey}` }],
      github: [],
    },
    demo: false,
    now: new Date('2026-11-28T06:10:00Z'),
  });

  it('names the version, platform, mode, accounts with regions and states, refresh status and entries', () => {
    expect(diagnostics).toMatchObject({ version: '1.2.3', platform: 'linux', mode: 'browser' });
    const { report } = diagnostics;
    expect(report).toContain('- Version: 1.2.3');
    expect(report).toContain('- Platform: linux');
    expect(report).toContain('- Mode: browser mode');
    expect(report).toContain('| Production | prod | eu-west-1, us-east-1 | ok |');
    expect(report).toContain('| Staging | default chain | eu-west-1 | needs-sign-in | The SSO session expired. |');
    expect(report).toContain('| octo | github.com | environment | ok |');
    expect(report).toContain('- Tasks: 12, running: 1, failing: 1');
    expect(report).toContain('ERROR codebuild read failed with [redacted]');
    expect(report).toContain('"region":"eu-west-1"');
  });

  it('holds no secret', () => {
    for (const secret of [accessKey, sessionKey, secretKey]) expect(diagnostics.report).not.toContain(secret);
  });
});
