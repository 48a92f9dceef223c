// Where the AWS CLI keeps its files, computed from an environment the way
// the SDK's shared-ini-file-loader does (HOME, then USERPROFILE, then
// HOMEDRIVE+HOMEPATH), so a test or a portable install can point elsewhere.
import { homedir } from 'node:os';
import { join, sep } from 'node:path';

export interface AwsFiles {
  homeDir: string;
  configFile: string;
  credentialsFile: string;
  ssoCacheDir: string;
}

export function awsFiles(env: NodeJS.ProcessEnv = process.env): AwsFiles {
  const homeDir =
    // `||`, not `??`: like the SDK, an empty HOME counts as unset.
    env.HOME || env.USERPROFILE || (env.HOMEPATH ? `${env.HOMEDRIVE ?? `C:${sep}`}${env.HOMEPATH}` : homedir());
  return {
    homeDir,
    configFile: expand(env.AWS_CONFIG_FILE, homeDir) ?? join(homeDir, '.aws', 'config'),
    credentialsFile: expand(env.AWS_SHARED_CREDENTIALS_FILE, homeDir) ?? join(homeDir, '.aws', 'credentials'),
    ssoCacheDir: join(homeDir, '.aws', 'sso', 'cache'),
  };
}

function expand(path: string | undefined, homeDir: string): string | undefined {
  if (!path) return undefined;
  return path.startsWith('~/') ? join(homeDir, path.slice(2)) : path;
}
