// The demo workspace: a simulated AWS account and GitHub host started inside
// Starboard, shown instead of the user's workspace until the user leaves it.
// Nothing about it is written to the settings file.
import type { DemoStatus, Workspace } from '../../shared/model';
import type { Logger } from './log';

/** A running demo backend (the in-process simulator) and the workspace that points at it. */
export interface DemoBackend {
  workspace: Workspace;
  /** The token the demo's GitHub simulator accepts for its accounts (not a secret). */
  githubToken?: string;
  stop(): Promise<void>;
}

export type StartDemo = () => Promise<DemoBackend>;

export class DemoSession {
  #backend: DemoBackend | undefined;
  #status: DemoStatus = { active: false, state: 'off' };
  #transition: Promise<DemoStatus> | undefined;

  constructor(
    private readonly start: StartDemo,
    private readonly onChange: (status: DemoStatus) => void,
    private readonly log: Logger,
  ) {}

  get status(): DemoStatus {
    return this.#status;
  }

  /** The demo's workspace while it runs. */
  get workspace(): Workspace | undefined {
    return this.#backend?.workspace;
  }

  get githubToken(): string | undefined {
    return this.#backend?.githubToken;
  }

  /** Changes the demo's workspace in memory (project edits); nothing is saved. */
  updateWorkspace(workspace: Workspace): void {
    if (this.#backend) this.#backend = { ...this.#backend, workspace };
  }

  /** Starts the demo; a second call while starting waits for the first. */
  open(): Promise<DemoStatus> {
    if (this.#backend) return Promise.resolve(this.#status);
    this.#transition ??= this.#open().finally(() => (this.#transition = undefined));
    return this.#transition;
  }

  async close(): Promise<DemoStatus> {
    await this.#transition?.catch(() => undefined);
    const backend = this.#backend;
    if (!backend) return this.#status;
    this.#backend = undefined;
    this.#set({ active: false, state: 'off' });
    await backend.stop().catch((error: unknown) => this.log.error('demo simulator did not stop cleanly', error));
    return this.#status;
  }

  async #open(): Promise<DemoStatus> {
    this.#set({ active: false, state: 'starting' });
    try {
      this.#backend = await this.start();
      this.#set({ active: true, state: 'on' });
    } catch (error) {
      this.log.error('demo workspace could not start', error);
      this.#set({
        active: false,
        state: 'failed',
        message: `The demo could not start: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
    return this.#status;
  }

  #set(status: DemoStatus): void {
    this.#status = status;
    this.onChange(status);
  }
}
