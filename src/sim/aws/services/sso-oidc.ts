// IAM Identity Center OIDC (REST-JSON, unsigned): RegisterClient, the device
// authorization grant and refresh, with the model's error shapes (an
// `error` code and `error_description` in the body) so the SDK raises
// AuthorizationPendingException, SlowDownException, ExpiredTokenException,
// AccessDeniedException and InvalidGrantException as AWS does.
import { AwsError, stringList } from '../errors';
import type { DeviceAuthorization, IdentityCenter, IssuedToken, RegisteredClient } from '../identity-center';
import type { Input, RestService } from '../service';
import type { World } from '../world';
import { required } from './wire';

const deviceGrant = 'urn:ietf:params:oauth:grant-type:device_code';

function oidcError(code: string, error: string, description: string, status = 400): AwsError {
  return new AwsError(code, description, status, { error, error_description: description });
}

export function ssoOidcService(world: World): RestService {
  const center = world.policy.identityCenter;
  const region = world.region;
  return {
    name: 'sso-oauth',
    protocol: 'rest-json',
    unsigned: true,
    routes: [
      { method: 'POST', path: /^\/client\/register$/, operation: 'RegisterClient', query: {} },
      { method: 'POST', path: /^\/device_authorization$/, operation: 'StartDeviceAuthorization', query: {} },
      { method: 'POST', path: /^\/token$/, operation: 'CreateToken', query: {} },
    ],
    operations: {
      RegisterClient: (input) => {
        const clientName = required(input, 'clientName', 'InvalidRequestException');
        if (input.clientType !== 'public') {
          throw oidcError('InvalidClientMetadataException', 'invalid_client_metadata', 'clientType must be public');
        }
        const now = world.now();
        const client: RegisteredClient = {
          clientId: center.next(`${clientName.replace(/\W/g, '').slice(0, 12)}-client-`),
          clientSecret: center.next('client-secret-'),
          expiresAt: now + 90 * 24 * 3600 * 1000,
          scopes: stringList('scopes', input.scopes),
        };
        center.clients.set(client.clientId, client);
        return {
          clientId: client.clientId,
          clientSecret: client.clientSecret,
          clientIdIssuedAt: Math.floor(now / 1000),
          clientSecretExpiresAt: Math.floor(client.expiresAt / 1000),
        };
      },
      StartDeviceAuthorization: (input) => {
        const client = authenticate(center, input, world.now());
        const startUrl = required(input, 'startUrl', 'InvalidRequestException');
        const authorization: DeviceAuthorization = {
          deviceCode: center.next('device-code-'),
          userCode: userCode(center.next('')),
          clientId: client.clientId,
          startUrl,
          expiresAt: world.now() + center.deviceCodeSeconds * 1000,
          intervalSeconds: center.pollIntervalSeconds,
          state: 'pending',
        };
        center.authorizations.set(authorization.deviceCode, authorization);
        const verificationUri = `https://device.sso.${region}.amazonaws.com/`;
        return {
          deviceCode: authorization.deviceCode,
          userCode: authorization.userCode,
          verificationUri,
          verificationUriComplete: `${verificationUri}?user_code=${authorization.userCode}`,
          expiresIn: center.deviceCodeSeconds,
          interval: authorization.intervalSeconds,
        };
      },
      CreateToken: (input) => {
        const client = authenticate(center, input, world.now());
        const grantType = required(input, 'grantType', 'InvalidRequestException');
        const token =
          grantType === deviceGrant
            ? exchangeDeviceCode(center, client, input, world.now())
            : grantType === 'refresh_token'
              ? refresh(center, client, input, world.now())
              : undefined;
        if (!token) throw oidcError('UnsupportedGrantTypeException', 'unsupported_grant_type', grantType);
        return {
          accessToken: token.accessToken,
          tokenType: 'Bearer',
          expiresIn: Math.round((token.expiresAt - world.now()) / 1000),
          refreshToken: token.refreshToken,
        };
      },
    },
  };
}

/** The registered client the request names, if its secret matches and it has not expired. */
function authenticate(center: IdentityCenter, input: Input, now: number): RegisteredClient {
  const client = center.clients.get(String(input.clientId));
  if (!client || client.clientSecret !== input.clientSecret || client.expiresAt <= now) {
    throw oidcError('InvalidClientException', 'invalid_client', 'Invalid client provided', 401);
  }
  return client;
}

function exchangeDeviceCode(center: IdentityCenter, client: RegisteredClient, input: Input, now: number): IssuedToken {
  const deviceCode = required(input, 'deviceCode', 'InvalidRequestException');
  const authorization = center.authorizations.get(deviceCode);
  if (!authorization || authorization.clientId !== client.clientId) {
    throw oidcError('InvalidGrantException', 'invalid_grant', 'Invalid grant provided');
  }
  if (authorization.expiresAt <= now) {
    center.authorizations.delete(deviceCode);
    throw oidcError('ExpiredTokenException', 'expired_token', 'Device code has expired');
  }
  if (authorization.state === 'denied') {
    center.authorizations.delete(deviceCode);
    throw oidcError('AccessDeniedException', 'access_denied', 'Access denied by user');
  }
  const last = authorization.lastPollAt;
  authorization.lastPollAt = now;
  if (last !== undefined && now - last < authorization.intervalSeconds * 1000) {
    throw oidcError('SlowDownException', 'slow_down', 'Client is polling too quickly');
  }
  if (authorization.state === 'pending') {
    throw oidcError('AuthorizationPendingException', 'authorization_pending', 'Authorization is still pending');
  }
  center.authorizations.delete(deviceCode);
  return center.issueToken(client.clientId, now);
}

function refresh(center: IdentityCenter, client: RegisteredClient, input: Input, now: number): IssuedToken {
  const old = center.refreshTokens.get(required(input, 'refreshToken', 'InvalidRequestException'));
  if (!old || old.clientId !== client.clientId || old.refreshExpiresAt <= now) {
    throw oidcError('InvalidGrantException', 'invalid_grant', 'Invalid refresh token provided');
  }
  center.refreshTokens.delete(old.refreshToken);
  center.accessTokens.delete(old.accessToken);
  return center.issueToken(client.clientId, now);
}

/** "BCDF-GHJK"-style user codes: the serial in base 20 spelled with consonants, so each is distinct. */
function userCode(serial: string): string {
  const letters = 'BCDFGHJKLMNPQRSTVWXZ';
  const digits = Number(serial).toString(20).padStart(8, '0').slice(-8);
  const chars = Array.from({ length: digits.length }, (_, i) => letters[parseInt(digits.charAt(i), 20)] ?? 'B').join(
    '',
  );
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}
