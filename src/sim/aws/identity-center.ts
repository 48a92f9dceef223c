// IAM Identity Center as the simulator keeps it: OIDC client registrations,
// device authorizations waiting for the user (approved or denied through the
// control, as a user would in the browser), and the access and refresh
// tokens issued from them. Times are the simulated clock's milliseconds.
export interface RegisteredClient {
  clientId: string;
  clientSecret: string;
  expiresAt: number;
  scopes: string[];
}

export interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  clientId: string;
  startUrl: string;
  expiresAt: number;
  intervalSeconds: number;
  state: 'pending' | 'approved' | 'denied';
  /** When the client last asked CreateToken, to answer slow_down to a client that polls too fast. */
  lastPollAt?: number;
}

export interface IssuedToken {
  accessToken: string;
  refreshToken: string;
  clientId: string;
  expiresAt: number;
  refreshExpiresAt: number;
}

export class IdentityCenter {
  readonly clients = new Map<string, RegisteredClient>();
  readonly authorizations = new Map<string, DeviceAuthorization>();
  readonly accessTokens = new Map<string, IssuedToken>();
  readonly refreshTokens = new Map<string, IssuedToken>();
  /** The signed-in user, as the assumed-role session name of SSO credentials. */
  userName = 'dev@example.com';
  accessTokenSeconds = 8 * 3600;
  refreshTokenSeconds = 90 * 24 * 3600;
  deviceCodeSeconds = 600;
  pollIntervalSeconds = 5;
  #serial = 0;

  /** A unique, recognisable value (the simulator needs no secrecy, only distinct values). */
  next(prefix: string): string {
    this.#serial += 1;
    return `${prefix}${String(this.#serial).padStart(8, '0')}`;
  }

  /** Authorizations still waiting for the user at `now`, oldest first. */
  waiting(now: number): DeviceAuthorization[] {
    return [...this.authorizations.values()].filter((a) => a.state === 'pending' && a.expiresAt > now);
  }

  /** The waiting authorization with this user code, or the latest one. */
  pending(now: number, userCode?: string): DeviceAuthorization | undefined {
    const pending = this.waiting(now);
    return userCode === undefined ? pending.at(-1) : pending.find((a) => a.userCode === userCode);
  }

  issueToken(clientId: string, now: number): IssuedToken {
    const token: IssuedToken = {
      accessToken: this.next('aoa'),
      refreshToken: this.next('aor'),
      clientId,
      expiresAt: now + this.accessTokenSeconds * 1000,
      refreshExpiresAt: now + this.refreshTokenSeconds * 1000,
    };
    this.accessTokens.set(token.accessToken, token);
    this.refreshTokens.set(token.refreshToken, token);
    return token;
  }

  /** Expires every access token (and, when asked, every refresh token) as of `now`. */
  expireTokens(now: number, refreshTokensToo: boolean): void {
    for (const token of this.accessTokens.values()) {
      token.expiresAt = Math.min(token.expiresAt, now - 1);
      if (refreshTokensToo) token.refreshExpiresAt = Math.min(token.refreshExpiresAt, now - 1);
    }
  }
}
