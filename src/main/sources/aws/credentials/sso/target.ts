// Which IAM Identity Center sign-in a profile uses: its sso-session (start
// URL, region, registration scopes) or, for a legacy profile, the start URL
// and region in the profile itself. A profile that assumes a role from an
// SSO profile signs in through that source profile.
import { CredentialsError } from '../errors';
import { chain, loadSections } from '../profiles';

export interface SsoTarget {
  /** The sso-session name; undefined for a legacy profile. */
  sessionName?: string;
  startUrl: string;
  region: string;
  /** sso_registration_scopes; undefined for a legacy profile. */
  scopes?: string[];
}

/** The AWS CLI registers sso-session clients for this scope when the session names none. */
const defaultScopes = ['sso:account:access'];

export async function ssoTargetOf(
  from: { profile: string } | { ssoSession: string },
  env: NodeJS.ProcessEnv = process.env,
): Promise<SsoTarget> {
  const sections = await loadSections(env);
  const sessionTarget = (name: string, who: string): SsoTarget => {
    const session = sections[`sso-session.${name}`];
    if (!session?.sso_start_url || !session.sso_region) {
      throw new CredentialsError(
        'not-sso',
        `${who} names sso-session ${name}, which lacks sso_start_url or sso_region.`,
      );
    }
    const scopes = session.sso_registration_scopes
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    return {
      sessionName: name,
      startUrl: session.sso_start_url,
      region: session.sso_region,
      scopes: scopes ?? defaultScopes,
    };
  };
  if ('ssoSession' in from) return sessionTarget(from.ssoSession, `sso-session ${from.ssoSession}`);
  for (const section of chain(from.profile, sections)) {
    if (section.sso_session) return sessionTarget(section.sso_session, `Profile ${from.profile}`);
    if (section.sso_start_url && section.sso_region) {
      return { startUrl: section.sso_start_url, region: section.sso_region };
    }
  }
  throw new CredentialsError(
    'not-sso',
    `Profile ${from.profile} does not sign in with IAM Identity Center.`,
    from.profile,
  );
}
