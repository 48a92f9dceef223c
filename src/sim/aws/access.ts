// Who is calling and what they may do: the scenario's caller identity,
// access keys whose session has expired, and resources the caller's IAM
// policy does not allow. Messages follow AWS's wording so the app can show
// the missing action.
import { AwsError } from './errors';
import { IdentityCenter } from './identity-center';
import type { AwsService } from './service';

/** Temporary credentials the simulator issued (STS AssumeRole, SSO), by access key id. */
export interface IssuedSession {
  arn: string;
  userId: string;
  expiresAt: number;
}

export interface AccessPolicy {
  account: string;
  region: string;
  userArn: string;
  /** Access key ids whose session token is always expired. */
  expiredAccessKeys: Set<string>;
  /** IAM action ("codebuild:BatchGetBuilds") → denied resource ARNs. */
  denied: Map<string, Set<string>>;
  /** The code the caller's MFA device shows now; AssumeRole with another code is refused. */
  mfaCode?: string;
  sessions: Map<string, IssuedSession>;
  identityCenter: IdentityCenter;
}

export function newAccessPolicy(account = '111122223333', region = 'us-east-1'): AccessPolicy {
  return {
    account,
    region,
    userArn: `arn:aws:iam::${account}:user/dev`,
    expiredAccessKeys: new Set(),
    denied: new Map(),
    sessions: new Map(),
    identityCenter: new IdentityCenter(),
  };
}

/** Registers new temporary keys for `arn`; later calls signed with them are that principal. */
export function issueSession(
  policy: AccessPolicy,
  arn: string,
  userId: string,
  expiresAt: number,
): { accessKeyId: string; secretAccessKey: string; sessionToken: string } {
  const accessKeyId = policy.identityCenter.next('ASIASIM');
  policy.sessions.set(accessKeyId, { arn, userId, expiresAt });
  return {
    accessKeyId,
    secretAccessKey: policy.identityCenter.next('simsecret'),
    sessionToken: policy.identityCenter.next('simsession'),
  };
}

export function deny(policy: AccessPolicy, action: string, resourceArn: string): void {
  const set = policy.denied.get(action) ?? new Set<string>();
  set.add(resourceArn);
  policy.denied.set(action, set);
}

/** Where a service's IAM prefix differs from its signing name. */
const iamPrefixes: Record<string, string> = { tagging: 'tag' };

/** The IAM action prefix of a service (its signing name, except where AWS differs). */
export function iamAction(service: string, operation: string): string {
  return `${iamPrefixes[service] ?? service}:${operation}`;
}

export function accessDenied(service: AwsService, policy: AccessPolicy, operation: string, resource: string): AwsError {
  const message = `User: ${policy.userArn} is not authorized to perform: ${iamAction(service.name, operation)} on resource: ${resource}`;
  if (service.protocol === 'query') return new AwsError('AccessDenied', message, 403);
  return new AwsError('AccessDeniedException', message, service.protocol === 'rest-json' ? 403 : 400);
}

export function expiredToken(service: AwsService): AwsError {
  const message = 'The security token included in the request is expired';
  if (service.protocol === 'query') return new AwsError('ExpiredToken', message, 403);
  return new AwsError('ExpiredTokenException', message, service.protocol === 'rest-json' ? 403 : 400);
}

export function throttled(service: AwsService): AwsError {
  if (service.protocol === 'query') return new AwsError('Throttling', 'Rate exceeded', 400);
  return new AwsError('ThrottlingException', 'Rate exceeded', service.protocol === 'rest-json' ? 429 : 400);
}

export function internalFailure(): AwsError {
  return new AwsError('InternalFailure', 'We encountered an internal error. Please try again.', 500);
}
