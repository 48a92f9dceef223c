// RELIABILITY S16: an environment that turns certificate checks off is overruled, and the window says so.
import { describe, expect, it } from 'vitest';
import { enforceTlsVerification } from '../../src/main/tls-verification';

describe('certificate verification (RELIABILITY S16)', () => {
  it('removes NODE_TLS_REJECT_UNAUTHORIZED=0 and explains why', () => {
    const env: NodeJS.ProcessEnv = { NODE_TLS_REJECT_UNAUTHORIZED: '0', PATH: '/bin' };
    expect(enforceTlsVerification(env)).toMatch(/verifies every certificate.*NODE_EXTRA_CA_CERTS/);
    expect(env).toEqual({ PATH: '/bin' });
  });

  it('leaves every other value alone', () => {
    for (const value of ['1', '', 'yes']) {
      const env: NodeJS.ProcessEnv = { NODE_TLS_REJECT_UNAUTHORIZED: value };
      expect(enforceTlsVerification(env)).toBeUndefined();
      expect(env['NODE_TLS_REJECT_UNAUTHORIZED']).toBe(value);
    }
  });
});
