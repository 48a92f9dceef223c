// The IAM Identity Center portal API (REST-JSON, unsigned): GetRoleCredentials
// trades an access token from SSO OIDC for an account role's temporary keys,
// the call the SDK's SSO credential provider makes. Unknown or expired tokens
// get UnauthorizedException, as from AWS.
import { issueSession } from '../access';
import { AwsError } from '../errors';
import type { RestService } from '../service';
import type { World } from '../world';
import { required } from './wire';

export function ssoService(world: World): RestService {
  const { policy } = world;
  return {
    name: 'awsssoportal',
    protocol: 'rest-json',
    unsigned: true,
    routes: [
      {
        method: 'GET',
        path: /^\/federation\/credentials$/,
        operation: 'GetRoleCredentials',
        query: { role_name: { member: 'roleName' }, account_id: { member: 'accountId' } },
        headers: { 'x-amz-sso_bearer_token': 'accessToken' },
      },
    ],
    operations: {
      GetRoleCredentials: (input) => {
        const roleName = required(input, 'roleName', 'InvalidRequestException');
        const accountId = required(input, 'accountId', 'InvalidRequestException');
        const token = policy.identityCenter.accessTokens.get(String(input.accessToken));
        if (!token || token.expiresAt <= world.now()) {
          throw new AwsError('UnauthorizedException', 'Session token not found or invalid', 401);
        }
        if (accountId !== world.account) throw new AwsError('ForbiddenException', 'No access', 403);
        const user = policy.identityCenter.userName;
        const role = `AWSReservedSSO_${roleName}_0123456789abcdef`;
        const expiresAt = world.now() + 3600 * 1000;
        const keys = issueSession(
          policy,
          `arn:aws:sts::${accountId}:assumed-role/${role}/${user}`,
          `AROASSOSIMULATOR0001:${user}`,
          expiresAt,
        );
        return { roleCredentials: { ...keys, expiration: expiresAt } };
      },
    },
  };
}
