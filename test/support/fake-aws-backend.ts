// The hub's AWS credential seam, played by a test: scripted identities and
// sign-ins, and a record of what the hub asked for. (The real backend is
// tested against the simulator in test/integration/aws.)
import type { AwsCredentialsBackend, SsoCode } from '../../src/main/hub/aws-accounts';
import type { AwsAccountTarget } from '../../src/main/sources/aws/client-config';
import type { AwsProfiles } from '../../src/shared/aws-accounts';
import type { AwsAccount } from '../../src/shared/model';
import type { SourceProblem } from '../../src/shared/sources';

export class FakeAwsBackend implements AwsCredentialsBackend {
  profiles: AwsProfiles = {
    profiles: [
      { name: 'work', kind: 'sso', runsCommand: false, needsMfa: false, region: 'eu-west-1', ssoSession: 'acme' },
    ],
    files: ['/home/dev/.aws/config'],
  };
  identities = new Map<string, { accountId: string; arn: string } | SourceProblem>();
  ssoProfiles = new Set<string>(['work']);
  forgotten: string[] = [];
  checks = 0;
  /** Settles the pending sign-in: resolve, or reject with a message. */
  finishSignIn: ((error?: string) => void) | undefined;

  /** Where the hub's sources send their calls: nowhere by default (connection refused at once). */
  endpointUrl = 'http://127.0.0.1:9';
  targets: { accountKey: string; region: string }[] = [];

  target(account: AwsAccount, region: string): AwsAccountTarget {
    this.targets.push({ accountKey: account.id, region });
    return {
      accountKey: account.id,
      region,
      credentials: async () => ({ accessKeyId: 'AKIAFAKEBACKEND00000', secretAccessKey: 'fake' }),
      endpointUrl: this.endpointUrl,
    };
  }

  async listProfiles(): Promise<AwsProfiles> {
    return this.profiles;
  }

  async checkIdentity(account: AwsAccount) {
    this.checks += 1;
    const found = this.identities.get(account.profile ?? '(default)');
    if (!found)
      return {
        ok: false as const,
        problem: { code: 'credentials-expired' as const, message: 'The SSO session has expired.' },
      };
    return 'code' in found ? { ok: false as const, problem: found } : { ok: true as const, ...found };
  }

  async usesSso(account: AwsAccount): Promise<boolean> {
    return this.ssoProfiles.has(account.profile ?? '');
  }

  signIn(_account: AwsAccount, onCode: (code: SsoCode) => void, signal: AbortSignal): Promise<void> {
    onCode({
      verificationUri: 'https://device.sso.eu-west-1.amazonaws.com/?user_code=ABCD-EFGH',
      userCode: 'ABCD-EFGH',
      expiresAt: '2026-11-27T10:10:00.000Z',
    });
    return new Promise((resolve, reject) => {
      signal.addEventListener('abort', () => reject(new Error('Sign-in cancelled.')));
      this.finishSignIn = (error) => (error ? reject(new Error(error)) : resolve());
    });
  }

  forget(account: AwsAccount): void {
    this.forgotten.push(account.id);
  }
}
