// The configuration every AWS client of one account and region is built
// with: credentials from the account's provider, the account's endpoint
// override if any, adaptive retries for reads and no retries for writes
// (RELIABILITY A06, A09, P04: a write is never replayed blindly).
import type { AwsCredentialIdentityProvider } from '@smithy/types';

export interface AwsAccountTarget {
  /** The workspace's id for the account entry. */
  accountKey: string;
  region: string;
  credentials: AwsCredentialIdentityProvider;
  /** Every service of this account at one endpoint (an emulator); otherwise AWS_ENDPOINT_URL* or AWS's own. */
  endpointUrl?: string;
}

export const readMaxAttempts = 3;

export interface AwsClientConfig {
  region: string;
  credentials: AwsCredentialIdentityProvider;
  endpoint?: string;
  maxAttempts: number;
  retryMode: 'adaptive' | 'standard';
}

export function clientConfig(target: AwsAccountTarget, use: 'read' | 'write' = 'read'): AwsClientConfig {
  return {
    region: target.region,
    credentials: target.credentials,
    ...(target.endpointUrl ? { endpoint: target.endpointUrl } : {}),
    maxAttempts: use === 'write' ? 1 : readMaxAttempts,
    retryMode: use === 'write' ? 'standard' : 'adaptive',
  };
}
