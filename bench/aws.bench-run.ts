// Figures 1, 3, 4 (AWS) and 7 of issue 10, over the real hub and the
// in-process simulator's `scale` scenario. Reports only: nothing here fails on
// a timing or a count (the integration tests assert the call budget).
import { describe, it } from 'vitest';
import {
  countRefresh,
  entitiesOf,
  floorOf,
  naiveOf,
  runningNow,
  type Entities,
  type RefreshCount,
} from './support/aws-figures';
import { startHubRig, type HubRig } from './support/hub-rig';
import { gcAvailable, heapMiB } from './support/memory';
import { timeToNotice } from './support/notice';
import { round, sizes, writePart } from './support/parts';

/** BENCH_FULL=1 also runs the slow parts at the large size (about 30 minutes more on two cores). */
const full = process.env['BENCH_FULL'] === '1';
const latencyMs = 50;
const runningCadenceMs = 7_500;
const idleCadenceMs = 75_000;

const callsFigure = (count: RefreshCount, entities: Entities, running: { pipelines: number; builds: number }) => ({
  calls: count.calls,
  callsWithDefinitions: count.allCalls,
  running,
  floor: floorOf(entities),
  naive: naiveOf(entities),
  overFloor: round(count.calls / floorOf(entities), 3),
  fewerThanNaive: round(naiveOf(entities) / count.calls),
  byOperation: count.byOperation,
});

/** Warm: identity, definitions, first reads; then one Refresh so that every task has read once. */
async function warm(size: number): Promise<HubRig> {
  const rig = await startHubRig('aws', size);
  await rig.step(10_000);
  await countRefresh(rig);
  return rig;
}

/** `cycles` idle cadences of simulated time, the hub refreshing on its own schedule. */
async function cycles(rig: HubRig, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await rig.step(idleCadenceMs, runningCadenceMs);
}

describe('AWS', () => {
  const figures: Record<string, unknown> = {};

  for (const size of Object.values(sizes)) {
    it(`${size} pipelines`, async () => {
      const heapBefore = heapMiB();
      const rig = await warm(size);
      try {
        const snapshot = await rig.snapshot();
        const entities = entitiesOf(rig, snapshot);
        // Figure 1. Steady state: nothing moved since the last read (simulated time frozen).
        const steadyRunning = runningNow(rig);
        const steady = await countRefresh(rig);
        // Active: one running cadence of simulated time later, with the scenario's ~10 % running.
        rig.sim.clock.advance(runningCadenceMs);
        const activeRunning = runningNow(rig);
        const active = await countRefresh(rig);
        // Figure 4: every AWS call 50 ms slower.
        const removeLatency = rig.sim.faults.add({ latencyMs });
        const slow = await countRefresh(rig);
        removeLatency();
        const fast = await countRefresh(rig);
        // Figure 3 at the small size (and the large one with BENCH_FULL=1): simulated time, stepped.
        const notice = size === sizes.small || full ? await timeToNotice(rig) : undefined;
        // Figure 7: heap after 10 and 30 idle cycles (the leak check) where affordable, else after the figures above.
        const leakCheck = size === sizes.small || full;
        const memory: Record<string, number> = { processBaselineMiB: round(heapBefore) };
        if (leakCheck) {
          await cycles(rig, 10);
          memory['cycle10MiB'] = round(heapMiB());
          await cycles(rig, 20);
          memory['cycle30MiB'] = round(heapMiB());
        }
        // The simulator shares the process: what closing the hub frees is the hub's own heap.
        const withHub = heapMiB();
        await rig.closeHub();
        const hubMiB = round(withHub - heapMiB());
        memory[leakCheck ? 'hubAtCycle30MiB' : 'hubAfterFiguresMiB'] = hubMiB;
        memory['processMiB'] = round(withHub);
        figures[String(size)] = {
          entities,
          steady: callsFigure(steady, entities, steadyRunning),
          active: callsFigure(active, entities, activeRunning),
          wall: {
            calls: slow.allCalls,
            latencyMs,
            wallMs: Math.round(slow.wallMs),
            serialSumMs: slow.allCalls * latencyMs,
            withoutLatencyMs: Math.round(fast.wallMs),
          },
          ...(notice ? { notice } : {}),
          memory: { gc: gcAvailable(), ...memory },
        };
      } finally {
        await rig.close();
      }
      writePart('aws', figures);
    });
  }
});
