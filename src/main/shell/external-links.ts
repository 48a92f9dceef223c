// The one gate to the user's browser (Electron checklist 15): https only,
// exact allow-listed hosts, no credentials, bounded length. Everything else
// is refused and logged.
export const maxExternalUrlLength = 2048;

/** Hosts we expect links to: GitHub and the AWS console, sign-in and docs. */
const exactHosts = new Set([
  'github.com',
  'gist.github.com',
  'docs.github.com',
  'console.aws.amazon.com',
  'signin.aws.amazon.com',
  'docs.aws.amazon.com',
  'aws.amazon.com',
]);
/** Host suffixes for per-region console hosts and IAM Identity Center portals. */
const hostSuffixes = ['.console.aws.amazon.com', '.awsapps.com'];
/** IAM Identity Center's device sign-in page, per region (device.sso.eu-west-1.amazonaws.com). */
const ssoDeviceHost = /^device\.sso\.[a-z]{2}(-[a-z]+)+-\d{1,2}\.amazonaws\.com$/;

/**
 * True when `raw` may be handed to shell.openExternal. `extraHosts` are the
 * configured GitHub Enterprise Server hosts.
 */
export function isAllowedExternalUrl(raw: unknown, extraHosts: readonly string[] = []): boolean {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > maxExternalUrlLength) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') return false;
  const host = url.hostname.toLowerCase();
  if (host.split('.').some((label) => label.startsWith('xn--'))) return false;
  if (exactHosts.has(host) || extraHosts.includes(host) || ssoDeviceHost.test(host)) return true;
  return hostSuffixes.some((suffix) => host.endsWith(suffix) && /^[a-z0-9-]+$/.test(host.slice(0, -suffix.length)));
}

/** The host of a GitHub Enterprise Server API URL, for the allow-list. */
export function enterpriseHost(apiUrl: string): string | undefined {
  if (apiUrl === 'github.com') return undefined;
  try {
    const url = new URL(apiUrl);
    return url.protocol === 'https:' ? url.hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}
