// RELIABILITY S16: certificates are always verified. NODE_TLS_REJECT_UNAUTHORIZED=0
// (left in a shell profile after debugging a proxy) would turn verification off
// for every AWS and GitHub call Starboard makes; Starboard removes it before any
// client exists and says so at the top of the window. Node reads the variable
// at each connection, so removing it is enough.

export function enforceTlsVerification(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env['NODE_TLS_REJECT_UNAUTHORIZED'];
  if (value === undefined || value.trim() !== '0') return undefined;
  delete env['NODE_TLS_REJECT_UNAUTHORIZED'];
  return 'NODE_TLS_REJECT_UNAUTHORIZED=0 is set in the environment. Starboard ignores it and verifies every certificate; if a proxy needs its own certificate authority, set NODE_EXTRA_CA_CERTS to its file instead.';
}
