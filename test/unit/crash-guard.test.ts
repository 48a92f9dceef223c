// Errors nothing handled are kept for Settings → Diagnostics, redacted, in the
// data folder; Starboard keeps running and nothing leaves the machine.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeCrash, installCrashGuard } from '../../src/main/crash-guard';
import { diagnosticsFile } from '../../src/main/hub/diagnostics';
import type { Diagnostics } from '../../src/shared/diagnostics';
import { tempDir, tempHub } from '../support/temp-hub';

const { dir, remove } = tempDir();
const { hub } = tempHub(dir);
afterAll(async () => {
  await hub.close();
  remove();
});

const secretKey = 'AKIAIOSFODNN7EXAMPLE';
const githubToken = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';

async function diagnostics(): Promise<Diagnostics> {
  const result = await hub.dispatch('query', 'diagnostics.get', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Diagnostics;
}

describe('local crash and error reporting (issue 11)', () => {
  it('records unhandled rejections and exceptions, redacted and with the top of the stack', async () => {
    const proc = new EventEmitter();
    installCrashGuard(proc, (kind, error) => hub.recordCrash(kind, error));
    proc.emit('unhandledRejection', new Error(`request failed for ${secretKey} with ${githubToken}`));
    proc.emit('uncaughtException', new TypeError('Cannot read properties of undefined'));
    proc.emit('unhandledRejection', { code: 'ECONNRESET' });

    const { entries, report } = await diagnostics();
    const crashes = entries.filter((e) => e.message.startsWith('Unhandled error'));
    expect(crashes.map((e) => [e.level, e.message])).toEqual([
      ['error', 'Unhandled error (unhandled-rejection): {"code":"ECONNRESET"}'],
      ['error', 'Unhandled error (uncaught-exception): Cannot read properties of undefined'],
      ['error', 'Unhandled error (unhandled-rejection): request failed for [redacted] with [redacted]'],
    ]);
    expect(crashes[1]?.context).toContain('crash-guard.test.ts');
    expect(report).toContain('Unhandled error (uncaught-exception)');

    const kept = readFileSync(join(dir, diagnosticsFile), 'utf8');
    expect(kept).toContain('Unhandled error (unhandled-rejection)');
    for (const text of [kept, report, JSON.stringify(entries)]) {
      expect(text).not.toContain(secretKey);
      expect(text).not.toContain(githubToken);
    }
  });

  it('describes what was thrown, whatever it is', () => {
    expect(describeCrash('plain text')).toEqual({ message: 'plain text' });
    expect(describeCrash(undefined)).toEqual({ message: 'undefined' });
    expect(describeCrash(Object.assign(new Error(''), { name: 'AbortError' })).message).toBe('AbortError');
    expect(describeCrash(new Error('x')).stack?.split('\n').length).toBeLessThanOrEqual(12);
  });
});
