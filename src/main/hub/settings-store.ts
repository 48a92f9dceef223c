// The settings file (config.json in the data folder): settings, workspace and
// window state, one schema for both modes. electron-store (desktop) and conf
// (browser mode) hold it; this module checks it before either opens it, so a
// corrupt or hand-broken file is kept aside under a new name and reported,
// never silently wiped.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import {
  defaultStoreFile,
  emptyShellState,
  settingsSchema,
  shellStateSchema,
  storeFileSchema,
  windowStateSchema,
  workspaceSchema,
  type Settings,
  type ShellState,
  type StoreFile,
  type StoreNotice,
  type WindowState,
  type Workspace,
} from '../../shared/model';

export const storeFileName = 'config.json';
const maxRememberedArrangements = 16;

/** What conf and electron-store have in common that we use. */
export interface JsonFileStore {
  readonly path: string;
  store: StoreFile;
}

export interface JsonFileStoreOptions {
  cwd: string;
  /** File name without extension, as conf and electron-store take it. */
  name: string;
  defaults: StoreFile;
}

export type JsonFileStoreFactory = (options: JsonFileStoreOptions) => JsonFileStore;

export class SettingsStore {
  private constructor(
    private readonly backend: JsonFileStore,
    readonly notices: readonly StoreNotice[],
  ) {}

  /** Opens the store in `dir`, first keeping aside a file that fails the schema. */
  static open(dir: string, createBackend: JsonFileStoreFactory, now: () => Date = () => new Date()): SettingsStore {
    const notice = quarantineIfInvalid(join(dir, storeFileName), now());
    const backend = createBackend({ cwd: dir, name: 'config', defaults: defaultStoreFile });
    return new SettingsStore(backend, notice ? [notice] : []);
  }

  get path(): string {
    return this.backend.path;
  }

  get settings(): Settings {
    return this.read().settings;
  }

  get workspace(): Workspace {
    return this.read().workspace;
  }

  get windowState(): WindowState | undefined {
    return this.read().window;
  }

  updateSettings(patch: Partial<Settings>): Settings {
    const settings = settingsSchema.parse({ ...this.settings, ...patch });
    this.write({ ...this.read(), settings });
    return settings;
  }

  updateWorkspace(workspace: Workspace): Workspace {
    const valid = workspaceSchema.parse(workspace);
    this.write({ ...this.read(), workspace: valid });
    return valid;
  }

  saveWindowState(state: WindowState): void {
    this.write({ ...this.read(), window: windowStateSchema.parse(state) });
  }

  get shellState(): ShellState {
    return this.read().shell ?? emptyShellState;
  }

  /** The window's bounds on one arrangement of displays, also kept as the last bounds of all. */
  saveWindowStateFor(displays: string, state: WindowState): void {
    const valid = windowStateSchema.parse(state);
    const shell = this.shellState;
    // The newest arrangements win: a laptop docked at ten desks keeps the latest few.
    const windows = Object.entries({ ...shell.windows, [displays]: valid })
      .filter(([key]) => key !== displays)
      .slice(-(maxRememberedArrangements - 1));
    const file = this.read();
    this.write({
      ...file,
      window: valid,
      shell: shellStateSchema.parse({ ...shell, windows: Object.fromEntries([...windows, [displays, valid]]) }),
    });
  }

  markTrayHintShown(): void {
    this.write({ ...this.read(), shell: { ...this.shellState, trayHintShown: true } });
  }

  private read(): StoreFile {
    // The file can change under us (hand edits); fall back to defaults rather than crash.
    const parsed = storeFileSchema.safeParse(this.backend.store);
    return parsed.success ? parsed.data : defaultStoreFile;
  }

  private write(file: StoreFile): void {
    this.backend.store = storeFileSchema.parse(file);
  }
}

function quarantineIfInvalid(file: string, now: Date): StoreNotice | undefined {
  if (!existsSync(file)) return undefined;
  const reason = validationProblem(readFileSync(file, 'utf8'));
  if (!reason) return undefined;
  const keptAs = `${file.replace(/\.json$/, '')}.invalid-${now.toISOString().replace(/[:.]/g, '-')}.json`;
  renameSync(file, keptAs);
  return { file, keptAs, reason };
}

function validationProblem(text: string): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  const parsed = storeFileSchema.safeParse(json);
  if (parsed.success) return undefined;
  const first = parsed.error.issues[0];
  const where = first && first.path.length > 0 ? first.path.join('.') : 'the file';
  return `does not match the settings schema at ${where}: ${first?.message ?? 'invalid'}`;
}
