// Where Starboard keeps its data: STARBOARD_HOME when set, otherwise the
// folder Electron would use as userData, so both modes share one folder.
import { isAbsolute, join, resolve } from 'node:path';

export const appName = 'Starboard';

export interface DataDirInput {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: string;
  cwd: string;
}

/** STARBOARD_HOME, made absolute, or undefined when it is not set. */
export function dataDirOverride({ env, cwd }: Pick<DataDirInput, 'env' | 'cwd'>): string | undefined {
  const value = env['STARBOARD_HOME']?.trim();
  if (!value) return undefined;
  return isAbsolute(value) ? value : resolve(cwd, value);
}

/** The same path Electron's app.getPath('userData') gives for our app name. */
export function defaultUserDataDir({ env, platform, home }: Omit<DataDirInput, 'cwd'>): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', appName);
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), appName);
  return join(env['XDG_CONFIG_HOME'] || join(home, '.config'), appName);
}

export function resolveDataDir(input: DataDirInput): string {
  return dataDirOverride(input) ?? defaultUserDataDir(input);
}
