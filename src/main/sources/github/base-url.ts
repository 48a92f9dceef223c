// Which API root a GitHub account entry talks to (RELIABILITY G07): github.com
// means https://api.github.com, any other host is GitHub Enterprise Server at
// https://HOST/api/v3. Plain http is refused except on loopback (the simulator).
import { fail, ok, type Result } from '../../../shared/result';

export const githubDotComApi = 'https://api.github.com';
const enterprisePath = '/api/v3';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Turns what the user typed (`github.com`, `ghe.example.com`,
 * `https://ghe.example.com/api/v3`, a simulator's `http://127.0.0.1:PORT`)
 * into the API base URL, without a trailing slash.
 */
export function resolveApiBaseUrl(input: string): Result<string> {
  const text = input.trim();
  if (text === '') return fail('invalid-input', 'Enter github.com or the address of a GitHub Enterprise Server.');
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return fail('invalid-input', `"${text}" is not a host name or URL.`);
  }
  const refusal = refuse(url);
  if (refusal) return fail('invalid-input', refusal);
  const host = url.hostname.toLowerCase();
  if (host === 'github.com' || host === 'www.github.com' || host === 'api.github.com') return ok(githubDotComApi);
  const path = url.pathname.replace(/\/+$/, '');
  // A loopback address without a path is a simulator's github.com-like root.
  if (path === '' && loopbackHosts.has(host)) return ok(url.origin);
  if (path === '' || path === enterprisePath) return ok(`${url.origin}${enterprisePath}`);
  return fail(
    'invalid-input',
    `A GitHub Enterprise Server API lives at ${url.origin}${enterprisePath}, not ${url.href}.`,
  );
}

/** Why a base URL may not carry a token, or undefined when it may. */
export function refuse(url: URL): string | undefined {
  if (url.username !== '' || url.password !== '') return 'The address must not contain a user name or password.';
  if (url.search !== '' || url.hash !== '') return 'The address must not contain a query or fragment.';
  return refuseTransport(url);
}

/** HTTPS, or plain http on loopback only (the simulator); otherwise why not. */
export function refuseTransport(url: URL): string | undefined {
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && loopbackHosts.has(url.hostname.toLowerCase())) return undefined;
  return `Starboard sends GitHub tokens over HTTPS only; ${url.protocol}// is refused for ${url.host}.`;
}
