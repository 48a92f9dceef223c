// AWS STS over the query protocol: GetCallerIdentity answers for the keys
// that signed the call (the scenario's user, or a session the simulator
// issued), and AssumeRole issues session keys, checking the MFA code when
// the request names a device (RELIABILITY A05).
import { type AccessPolicy, issueSession } from '../access';
import { AwsError, optionalNumber, optionalString } from '../errors';
import type { QueryService } from '../service';
import type { World } from '../world';
import { required } from './wire';

const invalidMfa = 'MultiFactorAuthentication failed with invalid MFA one time pass code. ';

export function stsService(world: World): QueryService {
  const policy = world.policy;
  return {
    name: 'sts',
    protocol: 'query',
    version: '2011-06-15',
    xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
    operations: {
      GetCallerIdentity: (_input, context) => {
        const session = policy.sessions.get(context.accessKeyId);
        if (session) return { UserId: session.userId, Account: world.account, Arn: session.arn };
        return { UserId: 'AIDAJQABLZS4A3QDU576Q', Account: world.account, Arn: policy.userArn };
      },
      AssumeRole: (input) => assumeRole(policy, world.now(), input),
    },
  };
}

function assumeRole(policy: AccessPolicy, now: number, input: Record<string, unknown>): unknown {
  const roleArn = required(input, 'RoleArn', 'ValidationError');
  const sessionName = required(input, 'RoleSessionName', 'ValidationError');
  const role = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:.+\/)?([\w+=,.@-]+)$/.exec(roleArn);
  if (!role) throw new AwsError('ValidationError', `${roleArn} is invalid`, 400);
  const serial = optionalString(input.SerialNumber);
  if (serial !== undefined) {
    const code = optionalString(input.TokenCode);
    if (code === undefined || policy.mfaCode === undefined || code !== policy.mfaCode) {
      throw new AwsError('AccessDenied', invalidMfa, 403);
    }
  }
  const seconds = optionalNumber(input.DurationSeconds) ?? 3600;
  if (seconds < 900 || seconds > 43_200) {
    throw new AwsError(
      'ValidationError',
      `1 validation error detected: Value '${seconds}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200`,
      400,
    );
  }
  const roleId = `AROA${(role[2] ?? '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .padEnd(17, 'X')
    .slice(0, 17)}`;
  const arn = `arn:aws:sts::${role[1] ?? ''}:assumed-role/${role[2] ?? ''}/${sessionName}`;
  const expiresAt = now + seconds * 1000;
  const keys = issueSession(policy, arn, `${roleId}:${sessionName}`, expiresAt);
  return {
    Credentials: {
      AccessKeyId: keys.accessKeyId,
      SecretAccessKey: keys.secretAccessKey,
      SessionToken: keys.sessionToken,
      Expiration: new Date(expiresAt),
    },
    AssumedRoleUser: { AssumedRoleId: `${roleId}:${sessionName}`, Arn: arn },
  };
}
