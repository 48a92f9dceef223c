// Who an account's credentials are (STS GetCallerIdentity), checked when an
// account is added or re-checked, and region names checked before any
// client is built with them (RELIABILITY A02: no silent default region).
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { type AwsAccountTarget, clientConfig } from '../client-config';
import { CredentialsError } from './errors';

export interface CallerIdentity {
  accountId: string;
  arn: string;
  userId: string;
}

const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** Throws an 'invalid-region' CredentialsError for anything that is not an AWS region name. */
export function checkRegion(region: string): string {
  if (!regionPattern.test(region)) {
    throw new CredentialsError('invalid-region', `"${region}" is not an AWS region name (for example eu-west-1).`);
  }
  return region;
}

export async function checkIdentity(target: AwsAccountTarget, signal?: AbortSignal): Promise<CallerIdentity> {
  checkRegion(target.region);
  const sts = new STSClient(clientConfig(target, 'read'));
  try {
    const out = await sts.send(new GetCallerIdentityCommand({}), signal ? { abortSignal: signal } : {});
    if (!out.Account || !out.Arn || !out.UserId) throw new Error('STS GetCallerIdentity returned no identity.');
    return { accountId: out.Account, arn: out.Arn, userId: out.UserId };
  } finally {
    sts.destroy();
  }
}
