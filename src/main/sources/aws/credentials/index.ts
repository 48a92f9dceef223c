// The AWS credentials layer: profiles, per-account providers, identity and
// region checks, endpoint-override checks and the SSO device sign-in.
export { createCredentialsBackend, credentialsProblem } from './backend';
export type { CredentialsBackend, CredentialsBackendOptions, IdentityCheck } from './backend';
export { endpointOverrideProblem, type EndpointOverrideProblem } from './endpoints';
export { CredentialsError, isCredentialsError, type CredentialsErrorCode } from './errors';
export { checkIdentity, checkRegion, type CallerIdentity } from './identity';
export type { AskMfaCode, MfaRequest } from './mfa';
export { awsFiles, type AwsFiles } from './paths';
export { listProfiles, type ProfileKind, type ProfileListing, type ProfileSummary } from './profiles';
export { credentialsFor, type AccountCredentialProvider, type CredentialOptions } from './provider';
export { startSsoLogin, type DeviceCode, type SsoLoginOptions, type SsoLoginResult } from './sso/login';
export { ssoTargetOf, type SsoTarget } from './sso/target';
