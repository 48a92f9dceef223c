// The profiles in the AWS shared config and credentials files, read as the
// SDK reads them, described as plain data for the UI: what kind each is,
// whether it runs a command (credential_process, RELIABILITY A07), whether it
// asks for an MFA code. Secret values (keys, tokens) never leave this module.
import { existsSync } from 'node:fs';
import { parseKnownFiles } from '@smithy/shared-ini-file-loader';
import { awsFiles } from './paths';

export type ProfileKind =
  'static' | 'session' | 'sso' | 'legacy-sso' | 'assume-role' | 'process' | 'web-identity' | 'unknown';

export interface ProfileSummary {
  name: string;
  region?: string;
  kind: ProfileKind;
  /** The profile, or a profile it assumes a role from, runs credential_process. */
  runsCommand: boolean;
  /** Assume-role with mfa_serial: resolving it asks for a code. */
  needsMfa: boolean;
  ssoSession?: string;
  ssoStartUrl?: string;
  sourceProfile?: string;
  credentialSource?: string;
}

export interface ProfileListing {
  profiles: ProfileSummary[];
  /** The files that exist and were read, so the UI can say where profiles come from. */
  files: string[];
  /** Set when the files could not be parsed. */
  problem?: string;
}

type Section = Record<string, string | undefined>;
type Sections = Record<string, Section | undefined>;

const sectionPrefixes = ['sso-session.', 'services.'];

export async function listProfiles(env: NodeJS.ProcessEnv = process.env): Promise<ProfileListing> {
  const { configFile, credentialsFile } = awsFiles(env);
  const files = [configFile, credentialsFile].filter((file) => existsSync(file));
  let sections: Sections;
  try {
    sections = await loadSections(env);
  } catch (error) {
    return { profiles: [], files, problem: `The AWS config files could not be read: ${messageOf(error)}` };
  }
  const profiles = Object.keys(sections)
    .filter((name) => !sectionPrefixes.some((prefix) => name.startsWith(prefix)))
    .sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)))
    .map((name) => describeProfile(name, sections));
  return { profiles, files };
}

/** Both files merged as the SDK merges them (credentials over config), read afresh. */
export async function loadSections(env: NodeJS.ProcessEnv = process.env): Promise<Sections> {
  const { configFile, credentialsFile } = awsFiles(env);
  return parseKnownFiles({ filepath: credentialsFile, configFilepath: configFile, ignoreCache: true });
}

export function profileKind(section: Section): ProfileKind {
  if (section.role_arn && (section.source_profile ?? section.credential_source)) return 'assume-role';
  if (section.aws_access_key_id && section.aws_secret_access_key) {
    return section.aws_session_token ? 'session' : 'static';
  }
  if (section.web_identity_token_file && section.role_arn) return 'web-identity';
  if (section.credential_process) return 'process';
  if (section.sso_session) return 'sso';
  if (section.sso_start_url) return 'legacy-sso';
  return 'unknown';
}

function describeProfile(name: string, sections: Sections): ProfileSummary {
  const section = sections[name] ?? {};
  const session = section.sso_session ? sections[`sso-session.${section.sso_session}`] : undefined;
  const ssoStartUrl = session?.sso_start_url ?? section.sso_start_url;
  return {
    name,
    ...(section.region ? { region: section.region } : {}),
    kind: profileKind(section),
    runsCommand: chain(name, sections).some((s) => s.credential_process !== undefined),
    needsMfa: section.mfa_serial !== undefined,
    ...(section.sso_session ? { ssoSession: section.sso_session } : {}),
    ...(ssoStartUrl ? { ssoStartUrl } : {}),
    ...(section.source_profile ? { sourceProfile: section.source_profile } : {}),
    ...(section.credential_source ? { credentialSource: section.credential_source } : {}),
  };
}

/** The profile and the profiles it takes source credentials from, in order, stopping at a cycle. */
export function chain(name: string, sections: Sections): Section[] {
  const seen = new Set<string>();
  const out: Section[] = [];
  let current: string | undefined = name;
  while (current !== undefined && !seen.has(current)) {
    seen.add(current);
    const section: Section | undefined = sections[current];
    if (!section) break;
    out.push(section);
    current = section.role_arn ? section.source_profile : undefined;
  }
  return out;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
