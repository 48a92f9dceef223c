// Builds the hub with everything it needs, the same way for the desktop app
// and browser mode; only how a URL reaches the user's browser and where
// GitHub tokens are kept (the OS keychain, or nowhere) differ.
import type { AppInfo } from '../shared/model';
import { startDemoWorkspace } from './demo-workspace';
import { enforceTlsVerification } from './tls-verification';
import { createHub, type Hub } from './hub/hub';
import type { TokenVault } from './hub/github-tokens';
import type { Logger } from './hub/log';
import type { SettingsStore } from './hub/settings-store';
import { createCredentialsBackend, endpointOverrideProblem } from './sources/aws/credentials';
import { createGitHubAuth } from './sources/github-auth/index';

export interface ComposeOptions {
  store: SettingsStore;
  info: Pick<AppInfo, 'name' | 'version' | 'mode' | 'platform' | 'dataDir'>;
  log: Logger;
  /** Opens a sign-in page in the user's browser (through the shell's allow-list on the desktop). */
  openUrl: (url: string) => void;
  /** The desktop's safeStorage vault, or browser mode's environment-only one. */
  tokenVault: TokenVault;
}

export function composeHub({ store, info, log, openUrl, tokenVault }: ComposeOptions): Hub {
  // Never wait on the EC2 instance metadata service on a developer's machine (RELIABILITY A01).
  process.env['AWS_EC2_METADATA_DISABLED'] ??= 'true';
  const override = endpointOverrideProblem(process.env);
  const tls = enforceTlsVerification(process.env);
  return createHub({
    store,
    info: { ...info, warnings: [...(override ? [override.message] : []), ...(tls ? [tls] : [])] },
    log,
    startDemo: startDemoWorkspace,
    createAwsBackend: (prompts) =>
      createCredentialsBackend({
        askMfaCode: ({ profile, serial, retryReason, signal }) =>
          prompts.ask({ kind: 'mfa', profile, serial, ...(retryReason ? { retryReason } : {}) }, signal),
        openUrl,
      }),
    tokenVault,
    githubAuth: createGitHubAuth({ env: process.env }),
  });
}
