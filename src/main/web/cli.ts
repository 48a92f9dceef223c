// `npm run web`: Starboard's hub in plain Node, serving the UI to a browser
// on this machine. Prints one line with the URL (token included).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Conf from 'conf';
import type { StoreFile } from '../../shared/model';
import { composeHub } from '../compose-hub';
import { environmentOnlyVault } from '../hub/github-tokens';
import { consoleLogger } from '../hub/log';
import { resolveDataDir } from '../hub/data-dir';
import { SettingsStore } from '../hub/settings-store';
import { installCrashGuard } from '../crash-guard';
import { startWebServer } from './server';
import { tokenFrom } from './guard';

const usage =
  'Usage: npm run web -- [--port N]\n  --port N   port on 127.0.0.1 (0 = any free port; default STARBOARD_PORT or 0)';

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a port number: ${value}`);
  return port;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, demo: { type: 'boolean' }, help: { type: 'boolean' } },
    strict: true,
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = parsePort(values.port ?? process.env['STARBOARD_PORT']);
  const token = tokenFrom(process.env['STARBOARD_TOKEN'], () => randomBytes(32).toString('base64url'));
  const dataDir = resolveDataDir({ env: process.env, platform: process.platform, home: homedir(), cwd: process.cwd() });
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

  const store = SettingsStore.open(
    dataDir,
    (options) => new Conf<StoreFile>({ ...options, configName: options.name, configFileMode: 0o600 }),
  );
  for (const notice of store.notices) {
    consoleLogger.warn(`The settings file was invalid (${notice.reason}); it was kept as ${notice.keptAs}.`);
  }
  const hub = composeHub({
    store,
    info: { name: 'Starboard', version: pkg.version, mode: 'browser', platform: process.platform, dataDir },
    log: consoleLogger,
    // The window shows the sign-in link; a server may have no browser of its own to open.
    openUrl: (url) => consoleLogger.info('open this page to sign in', { url }),
    // Browser mode keeps no tokens: GitHub accounts use GITHUB_TOKEN or the GitHub CLI.
    tokenVault: environmentOnlyVault(),
  });
  installCrashGuard(process, (kind, error) => hub.recordCrash(kind, error));
  if (values.demo) await hub.dispatch('command', 'demo.open', {});
  const server = await startWebServer({
    hub,
    rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
    token,
    port,
    log: consoleLogger,
  });
  console.log(`Starboard is running at ${server.url}`);

  const stop = (): void => {
    void Promise.all([server.close(), hub.close()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Starboard could not start: ${error instanceof Error ? error.message : String(error)}`);
  console.error(usage);
  process.exit(1);
});
