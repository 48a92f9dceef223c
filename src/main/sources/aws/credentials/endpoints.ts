// Endpoint overrides from the environment (AWS_ENDPOINT_URL and
// AWS_ENDPOINT_URL_<SERVICE>) are honoured by the SDK itself; an override
// redirects signed requests, so one that sends them in clear text off this
// machine is flagged (RELIABILITY A08).
export interface EndpointOverrideProblem {
  variable: string;
  url: string;
  message: string;
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The first override that is not https (or http on loopback), unless overrides are switched off. */
export function endpointOverrideProblem(env: NodeJS.ProcessEnv = process.env): EndpointOverrideProblem | undefined {
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.trim().toLowerCase() === 'true') return undefined;
  for (const [variable, url] of Object.entries(env).sort(([a], [b]) => a.localeCompare(b))) {
    if (!/^AWS_ENDPOINT_URL(_[A-Z0-9_]+)?$/.test(variable) || !url) continue;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { variable, url, message: `${variable} is not a URL.` };
    }
    if (parsed.protocol === 'https:' || (parsed.protocol === 'http:' && loopbackHosts.has(parsed.hostname))) continue;
    return {
      variable,
      url,
      message: `${variable} sends signed AWS requests to ${parsed.host} without TLS; use https or a loopback address.`,
    };
  }
  return undefined;
}
