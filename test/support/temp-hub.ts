// A real hub over a real settings file (conf) in a fresh temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import type { DemoBackend, StartDemo } from '../../src/main/hub/demo';
import { FakeAwsBackend } from './fake-aws-backend';
import { composeHub } from '../../src/main/compose-hub';
import { createHub, type Hub } from '../../src/main/hub/hub';
import type { TokenVault } from '../../src/main/hub/github-tokens';
import { createGitHubAuth, type GitHubAuth } from '../../src/main/sources/github-auth/index';
import { MemoryTokenVault } from './memory-token-vault';
import { silentLogger, type Logger } from '../../src/main/hub/log';
import { SettingsStore, type JsonFileStoreFactory } from '../../src/main/hub/settings-store';
import type { StoreFile } from '../../src/shared/model';
import { emptyProjectEdits } from '../../src/shared/projects';

export const confFactory: JsonFileStoreFactory = (options) =>
  new Conf<StoreFile>({ ...options, configName: options.name, configFileMode: 0o600 });

export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'starboard-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RecordingLogger extends Logger {
  lines: { level: string; message: string }[];
}

export function recordingLogger(): RecordingLogger {
  const lines: { level: string; message: string }[] = [];
  return {
    lines,
    info: (message) => lines.push({ level: 'info', message }),
    warn: (message) => lines.push({ level: 'warn', message }),
    error: (message) => lines.push({ level: 'error', message }),
  };
}

/** A demo backend without a simulator: a fixed workspace, and a record of stops. */
export function fakeDemo(): StartDemo & { stops: number } {
  const start = Object.assign(
    async (): Promise<DemoBackend> => ({
      workspace: {
        awsAccounts: [{ id: 'demo-aws', label: 'Demo AWS', profile: null, regions: ['us-east-1'] }],
        githubAccounts: [],
        projects: { ...emptyProjectEdits, created: [{ id: 'demo-project', name: 'Demo project' }] },
      },
      stop: async () => {
        start.stops += 1;
      },
    }),
    { stops: 0 },
  );
  return start;
}

export function tempHub(
  dir: string,
  log: Logger = recordingLogger(),
  startDemo: StartDemo = fakeDemo(),
  aws: FakeAwsBackend = new FakeAwsBackend(),
  /** GitHub tokens: an in-memory vault, and no environment and no gh unless given. */
  github: { vault?: TokenVault; auth?: GitHubAuth } = {},
): { hub: Hub; store: SettingsStore; aws: FakeAwsBackend; vault: TokenVault } {
  const vault = github.vault ?? new MemoryTokenVault();
  const store = SettingsStore.open(dir, confFactory);
  const hub = createHub({
    store,
    info: {
      name: 'Starboard',
      version: '0.0.0-test',
      mode: 'browser',
      platform: process.platform,
      dataDir: dir,
      warnings: [],
    },
    log,
    startDemo,
    createAwsBackend: () => aws,
    tokenVault: vault,
    githubAuth: github.auth ?? createGitHubAuth({ env: {} }),
  });
  return { hub, store, aws, vault };
}

/**
 * The hub as the app composes it (real AWS credentials backend, GitHub auth
 * with no token of the environment), over a settings file in `dir`, for tests
 * that open the demo workspace and its in-process simulator.
 */
export function composedHub(dir: string): Hub {
  return composeHub({
    store: SettingsStore.open(dir, confFactory),
    info: { name: 'Starboard', version: '0.0.0-test', mode: 'browser', platform: process.platform, dataDir: dir },
    log: silentLogger,
    openUrl: () => undefined,
    tokenVault: new MemoryTokenVault(),
  });
}
