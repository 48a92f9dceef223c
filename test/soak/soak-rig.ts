// The hub as the soak drives it: a real LiveWorkspace over the simulator,
// its scheduler on virtual time that jumps from one timer to the next (so a
// simulated day costs minutes, not a day) with the simulator's clock moved
// alongside, and every pushed event counted instead of kept (a day of events
// held by the test would hide a leak in the hub).
import { AwsAccounts } from '../../src/main/hub/aws-accounts';
import { LiveWorkspace } from '../../src/main/hub/live/live-workspace';
import type { Logger } from '../../src/main/hub/log';
import { type TimerId, VirtualClock } from '../../src/main/hub/scheduler';
import type { EventName, EventPayload, HubEvent } from '../../src/shared/contract';
import type { AwsAccount, Workspace } from '../../src/shared/model';
import { emptyProjectEdits } from '../../src/shared/projects';
import { demoAws } from '../../src/sim/aws';
import type { Harness } from '../sim/aws/harness';
import { FakeAwsBackend } from '../support/fake-aws-backend';

/** The access key every call of the rig is signed with: the simulator's policy can expire it. */
export const soakAccessKeyId = 'AKIASOAKRIG000000001';

/** A VirtualClock that can say when its next timer is due, so time can jump straight to it. */
export class SoakClock extends VirtualClock {
  readonly #due = new Map<TimerId, number>();

  override setTimeout(callback: () => void, delayMs: number): TimerId {
    const at = this.now() + Math.max(0, delayMs);
    const id = super.setTimeout(() => {
      this.#due.delete(id);
      callback();
    }, delayMs);
    this.#due.set(id, at);
    return id;
  }

  override clearTimeout(id: TimerId): void {
    this.#due.delete(id);
    super.clearTimeout(id);
  }

  nextDueAt(): number | undefined {
    let next: number | undefined;
    for (const at of this.#due.values()) if (next === undefined || at < next) next = at;
    return next;
  }
}

export interface SoakRig {
  live: LiveWorkspace;
  clock: SoakClock;
  accounts: AwsAccounts;
  account: AwsAccount;
  /** Runs hub and simulator together for `ms` of simulated time, letting every real call finish on the way. */
  run: (ms: number) => Promise<void>;
  /** The longest real wait for the scheduler's calls to finish at one step (ms). */
  longestSettleMs: () => number;
}

export interface SoakRigOptions {
  dir: string;
  sim: Harness;
  log: Logger;
  /** Where the hub's clock starts: a restarted hub carries on from the old one's time. */
  start: number;
  onEvent: (event: HubEvent) => void;
}

/** A real wait per step: a task stuck longer than this is reported by the soak, not waited for forever. */
const settleLimitMs = 30_000;

export function openSoakRig(options: SoakRigOptions): SoakRig {
  const { sim } = options;
  const account: AwsAccount = {
    id: 'sim',
    label: 'Simulated',
    profile: null,
    regions: ['us-east-1'],
    endpointUrl: sim.endpoint,
  };
  let current: Workspace = { awsAccounts: [account], githubAccounts: [], projects: emptyProjectEdits };
  const backend = new FakeAwsBackend();
  backend.identities.set('(default)', { accountId: demoAws.account, arn: `arn:aws:iam::${demoAws.account}:user/dev` });
  const clock = new SoakClock(options.start);
  const holder: { live?: LiveWorkspace } = {};
  const accounts = new AwsAccounts(
    backend,
    () => current,
    () => holder.live?.sync(),
    () => undefined,
    () => new Date(clock.now()),
  );
  const emit = <N extends EventName>(name: N, payload: EventPayload<N>) =>
    options.onEvent({ name, payload } as HubEvent);
  const live = new LiveWorkspace({
    dir: options.dir,
    workspace: () => current,
    saveProjects: (projects) => (current = { ...current, projects }),
    accounts,
    target: (entry, region) => ({
      accountKey: entry.id,
      region,
      credentials: () => Promise.resolve({ accessKeyId: soakAccessKeyId, secretAccessKey: 'soak' }),
      endpointUrl: sim.endpoint,
    }),
    emit,
    log: options.log,
    clock,
    random: () => 0.5,
    notifyDelayMs: 0,
  });
  holder.live = live;
  let longest = 0;
  const settled = async () => {
    // Real I/O under virtual time: wait (in real time) until no task is in flight.
    const began = performance.now();
    await new Promise((resolve) => setImmediate(resolve));
    while (live.scheduler.stats().running > 0 && performance.now() - began < settleLimitMs) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    longest = Math.max(longest, performance.now() - began);
  };
  live.sync();
  return {
    live,
    clock,
    accounts,
    account,
    longestSettleMs: () => longest,
    run: async (ms) => {
      const end = clock.now() + ms;
      await settled();
      while (clock.now() < end) {
        const next = Math.min(end, Math.max(clock.now(), clock.nextDueAt() ?? end));
        const step = next - clock.now();
        // The world moves first, so a task that fires at `next` reads the account as it is then.
        sim.clock.advance(step);
        await clock.advance(step);
        await settled();
      }
    },
  };
}
