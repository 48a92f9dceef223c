// The failures the soak injects into a running hub, one drill each: inject,
// wait for the status bar (the pushed 'refresh.status.changed') to show it,
// take it away, wait for the status to clear and a refresh to succeed. Each
// drill answers whether the failure was surfaced and whether the hub
// recovered; it never throws.
import type { RefreshStatus } from '../../src/shared/refresh';
import type { Harness } from '../sim/aws/harness';
import type { RendererFollower } from './soak-renderer';
import { type SoakRig, soakAccessKeyId } from './soak-rig';

export interface DrillRecord {
  kind: 'throttle' | 'credentials' | 'offline';
  /** Simulated minutes since the soak began. */
  atMinute: number;
  detail: string;
  surfaced: boolean;
  recovered: boolean;
  /** Real time the drill took. */
  realSeconds: number;
}

export interface DrillContext {
  sim: Harness;
  rig: SoakRig;
  /** The window: what the status bar was told. */
  renderer: RendererFollower;
}

type Drill = Omit<DrillRecord, 'atMinute' | 'realSeconds'>;

const minutes = 60_000;

/** Runs the rig in `stepMs` steps until `done` holds or `limitMs` of simulated time pass. */
export async function runUntil(rig: SoakRig, done: () => boolean, limitMs: number, stepMs: number): Promise<boolean> {
  for (let spent = 0; spent < limitMs; spent += stepMs) {
    if (done()) return true;
    await rig.run(stepMs);
  }
  return done();
}

/** Runs until the status bar has been told something `shows`, or `limitMs` pass. */
async function surfaces(
  { rig, renderer }: DrillContext,
  shows: (status: RefreshStatus) => boolean,
  limitMs: number,
): Promise<boolean> {
  const watch = renderer.watchStatus(shows);
  try {
    return await runUntil(rig, () => watch.seen() || shows(rig.live.status()), limitMs, 5_000);
  } finally {
    watch.stop();
  }
}

/** A read ended well after `since`, in the lane when one is given. */
function refreshedSince(rig: SoakRig, since: number, lane?: string): boolean {
  return rig.live.scheduler
    .stats()
    .tasks.some(
      (t) =>
        (lane === undefined || t.service === lane) && t.lastOutcome === 'ok' && (t.lastEndedAt ?? -Infinity) > since,
    );
}

/** AWS throttles every call of one service for a while (a bounded number of calls); the lane backs off and returns. */
export async function throttleBurst(context: DrillContext, service: string): Promise<Drill> {
  const { sim, rig } = context;
  const lane = `${service}@${rig.account.id}`;
  const throttled = (status: RefreshStatus) => status.throttled.some((t) => t.service === lane);
  // The SDK makes three attempts per read: one call fails outright, and its waits (real time) stay short.
  sim.faults.add({ service, error: 'throttle', times: 3 });
  const surfaced = await surfaces(context, throttled, 10 * minutes);
  const from = rig.clock.now();
  const recovered = await runUntil(
    rig,
    () => !throttled(rig.live.status()) && refreshedSince(rig, from, lane),
    30 * minutes,
    15_000,
  );
  return { kind: 'throttle', detail: lane, surfaced, recovered };
}

/**
 * The key the hub signs with expires: the account shows "needs sign-in" and
 * its tasks pause; a new key (the user signs in again) and a check bring it back.
 */
export async function credentialExpiry(context: DrillContext): Promise<Drill> {
  const { sim, rig } = context;
  const { policy } = sim.control.world;
  const account = rig.account.id;
  policy.expiredAccessKeys.add(soakAccessKeyId);
  const surfaced =
    (await surfaces(context, (status) => status.needsSignIn.includes(account), 10 * minutes)) &&
    rig.accounts.list().some((a) => a.accountKey === account && a.state === 'needs-sign-in');
  policy.expiredAccessKeys.delete(soakAccessKeyId);
  const signedInAt = rig.clock.now();
  await rig.accounts.check(rig.account);
  const recovered = await runUntil(
    rig,
    () => rig.live.status().needsSignIn.length === 0 && refreshedSince(rig, signedInAt),
    10 * minutes,
    10_000,
  );
  return { kind: 'credentials', detail: `${account}: access key expired`, surfaced, recovered };
}

/**
 * The network goes: every connection is reset, and a little later the OS says
 * so too. The status shows offline from the hub's own failed reads; when the
 * network is back, refreshes resume and the last refresh time moves on.
 */
export async function offlinePeriod(context: DrillContext, lengthMs: number): Promise<Drill> {
  const { sim, rig } = context;
  const { live } = rig;
  const lastGood = live.status().lastRefreshAt ?? '';
  const reconnect = sim.faults.add({ error: 'connection-reset' });
  const surfaced = await surfaces(context, (status) => !status.online, 10 * minutes);
  live.scheduler.setOnline(false);
  await rig.run(lengthMs);
  const stayedOffline = !live.status().online && (live.status().lastRefreshAt ?? '') === lastGood;
  reconnect();
  live.scheduler.setOnline(true);
  const backAt = rig.clock.now();
  const recovered = await runUntil(
    rig,
    () => live.status().online && (live.status().lastRefreshAt ?? '') > lastGood && refreshedSince(rig, backAt),
    10 * minutes,
    10_000,
  );
  return {
    kind: 'offline',
    detail: `${lengthMs / minutes} min of connection resets`,
    surfaced: surfaced && stayedOffline,
    recovered,
  };
}
