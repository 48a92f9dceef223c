// The real hub (createHub, the real AWS credentials backend, a settings file
// in a temporary folder) over an in-process simulator, for the bench. The
// simulator runs on a ManualClock and the hub's scheduler on a VirtualClock;
// `step` moves both together, so minutes of simulated time take seconds, while
// every AWS and GitHub call is real HTTP to the simulator.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHub, type Hub } from '../../src/main/hub/hub';
import { silentLogger } from '../../src/main/hub/log';
import { VirtualClock } from '../../src/main/hub/scheduler';
import { SettingsStore } from '../../src/main/hub/settings-store';
import { createCredentialsBackend } from '../../src/main/sources/aws/credentials';
import { createGitHubAuth } from '../../src/main/sources/github-auth/index';
import type { HubEvent } from '../../src/shared/contract';
import type { Workspace } from '../../src/shared/model';
import { emptyProjectEdits } from '../../src/shared/projects';
import type { RefreshStatus } from '../../src/shared/refresh';
import type { Snapshot } from '../../src/shared/snapshot';
import { ManualClock, startSimulator, type Simulator } from '../../src/sim/index';
import { MemoryTokenVault } from '../../test/support/memory-token-vault';
import { confFactory } from '../../test/support/temp-hub';

/** The simulator signs any `ghp_` token in as demo-dev, as for the demo workspace. */
const benchToken = 'ghp_starboardbench000000000000000000000';
/** Both clocks start here; simulated and hub time stay equal. */
const start = Date.UTC(2026, 0, 15, 9, 0, 0);

export const awsAccountKey = 'sim';
export const githubAccountKey = 'gh';
export const awsSource = `aws:${awsAccountKey}:us-east-1`;

export interface HubRig {
  sim: Simulator;
  hub: Hub;
  clock: VirtualClock;
  /** Every event the hub published, oldest first. */
  events: HubEvent[];
  /** Moves simulated and hub time forward together in small steps, letting every call finish on the way. */
  step(ms: number, stepMs?: number): Promise<void>;
  /**
   * Waits in real time until no refresh is running and the simulator has gone
   * quiet; answers when (performance.now()) the last call or run was seen.
   */
  settle(): Promise<number>;
  query<T>(name: string, payload?: unknown): Promise<T>;
  command<T>(name: string, payload?: unknown): Promise<T>;
  snapshot(): Promise<Snapshot>;
  /** Closes the hub alone (the simulator keeps running), e.g. to see what heap the hub held. */
  closeHub(): Promise<void>;
  close(): Promise<void>;
}

export type RigKind = 'aws' | 'github';

/**
 * The `scale` scenario at `size` pipelines. 'aws' watches the AWS account
 * alone; 'github' watches the GitHub organisation alone, its repositories
 * added by hand to one project (the AWS scale pipelines name no GitHub
 * repository of the simulator's organisation). Kept apart so that each
 * figure counts one provider.
 */
export async function startHubRig(kind: RigKind, size: number): Promise<HubRig> {
  const sim = await startSimulator({ scenario: 'scale', scale: size, seed: 7, clock: new ManualClock(start) });
  const dir = mkdtempSync(join(tmpdir(), 'starboard-bench-'));
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify({ version: 1, settings: {}, workspace: workspaceFor(kind, sim) }),
  );
  const vault = new MemoryTokenVault();
  await vault.set(githubAccountKey, benchToken);
  const clock = new VirtualClock(start);
  const hub = createHub({
    store: SettingsStore.open(dir, confFactory),
    info: {
      name: 'Starboard',
      version: '0.0.0-bench',
      mode: 'browser',
      platform: process.platform,
      dataDir: dir,
      warnings: [],
    },
    log: silentLogger,
    startDemo: () => Promise.reject(new Error('the bench opens no demo')),
    createAwsBackend: () =>
      createCredentialsBackend({
        askMfaCode: () => Promise.reject(new Error('the simulator asks for no MFA code')),
        openUrl: () => undefined,
      }),
    tokenVault: vault,
    githubAuth: createGitHubAuth({ env: {} }),
    live: { clock, random: seeded(7), notifyDelayMs: 0 },
  });
  const events: HubEvent[] = [];
  const unsubscribe = hub.subscribe((event) => events.push(event));
  let hubOpen = true;
  const closeHub = async (): Promise<void> => {
    if (!hubOpen) return;
    hubOpen = false;
    unsubscribe();
    await hub.close();
  };

  const call = async <T>(kind: 'query' | 'command', name: string, payload: unknown): Promise<T> => {
    const result = await hub.dispatch(kind, name, payload ?? {});
    if (!result.ok) throw new Error(`${kind} ${name} failed: ${result.error.message}`);
    return result.value as T;
  };
  const settle = async (): Promise<number> => {
    let quiet = 0;
    let seen = -1;
    let lastActivity = performance.now();
    for (let i = 0; i < 100_000 && quiet < 3; i++) {
      await clock.advance(0);
      await new Promise((resolve) => setTimeout(resolve, 1));
      const status = await call<RefreshStatus>('query', 'refresh.status', {});
      const count = sim.requests.records.length;
      const busy = status.running > 0 || count !== seen;
      if (busy) lastActivity = performance.now();
      quiet = busy ? 0 : quiet + 1;
      seen = count;
    }
    return lastActivity;
  };
  return {
    sim,
    hub,
    clock,
    events,
    settle,
    step: async (ms, stepMs = 500) => {
      await settle();
      for (let t = 0; t < ms; t += stepMs) {
        sim.clock.advance(stepMs);
        await clock.advance(stepMs);
        await settle();
      }
    },
    query: (name, payload) => call('query', name, payload),
    command: (name, payload) => call('command', name, payload),
    snapshot: () => call<Snapshot>('query', 'snapshot.get', {}),
    closeHub,
    close: async () => {
      await closeHub();
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function workspaceFor(kind: RigKind, sim: Simulator): Workspace {
  if (kind === 'aws') {
    return {
      awsAccounts: [
        {
          id: awsAccountKey,
          label: 'Scale account',
          profile: null,
          regions: ['us-east-1'],
          endpointUrl: sim.awsEndpoint,
        },
      ],
      githubAccounts: [],
      projects: emptyProjectEdits,
    };
  }
  const repositories = sim.github.repositories();
  return {
    awsAccounts: [],
    githubAccounts: [{ id: githubAccountKey, label: 'Scale organisation', host: sim.githubApiUrl }],
    projects: {
      ...emptyProjectEdits,
      created: [{ id: 'services', name: 'Services' }],
      added: repositories.map((resource) => ({ project: 'services', resource })),
    },
  };
}

/** A small deterministic PRNG (mulberry32), so the scheduler's jitter replays run after run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
