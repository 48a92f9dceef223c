// Figures 2 and 4 (GitHub) of issue 10: what an idle refresh of the scale
// organisation costs against the primary rate limit (a 304 to a conditional
// request costs nothing), and its wall time with 50 ms per request.
import { describe, it } from 'vitest';
import { countRefresh } from './support/aws-figures';
import { startHubRig, type HubRig } from './support/hub-rig';
import { round, sizes, writePart } from './support/parts';

/** BENCH_FULL=1 also runs the idle-cycle figure at the large size (about three minutes more). */
const full = process.env['BENCH_FULL'] === '1';
const latencyMs = 50;
const idleCadenceMs = 75_000;

/** Requests by status since the last reset; a 304 is the only answer the primary limit does not count. */
function statuses(rig: HubRig): { requests: number; ok200: number; notModified304: number; other: number } {
  const records = rig.sim.requests.records.filter((r) => r.service === 'github');
  const ok200 = records.filter((r) => r.status === 200).length;
  const notModified304 = records.filter((r) => r.status === 304).length;
  return { requests: records.length, ok200, notModified304, other: records.length - ok200 - notModified304 };
}

describe('GitHub', () => {
  const figures: Record<string, unknown> = {};

  for (const size of Object.values(sizes)) {
    it(`${size} pipelines (${Math.ceil(size / 2)} repositories)`, async () => {
      const rig = await startHubRig('github', size);
      try {
        await rig.step(10_000);
        await countRefresh(rig, 'github');
        // Figure 2: a Refresh with nothing changed since the last one.
        await countRefresh(rig, 'github');
        const idle = statuses(rig);
        // The same over one idle cadence of simulated time, runs progressing, the hub on its own schedule.
        let cycle: ReturnType<typeof statuses> | undefined;
        if (size === sizes.small || full) {
          rig.sim.requests.reset();
          await rig.step(idleCadenceMs, 7_500);
          cycle = statuses(rig);
        }
        // Figure 4: every request 50 ms slower.
        const removeLatency = rig.sim.faults.add({ service: 'github', latencyMs });
        const slow = await countRefresh(rig, 'github');
        removeLatency();
        const fast = await countRefresh(rig, 'github');
        const counted = (s: typeof idle) => s.requests - s.notModified304;
        figures[String(size)] = {
          repositories: rig.sim.github.repositories().length,
          idle: {
            ...idle,
            unconditional: idle.requests,
            countedAgainstLimit: counted(idle),
            countedShare: round(counted(idle) / Math.max(1, idle.requests), 4),
          },
          ...(cycle && {
            idleCycle: {
              ...cycle,
              countedAgainstLimit: counted(cycle),
              countedShare: round(counted(cycle) / Math.max(1, cycle.requests), 4),
            },
          }),
          wall: {
            calls: slow.allCalls,
            latencyMs,
            wallMs: Math.round(slow.wallMs),
            serialSumMs: slow.allCalls * latencyMs,
            withoutLatencyMs: Math.round(fast.wallMs),
          },
        };
      } finally {
        await rig.close();
      }
      writePart('github', figures);
    });
  }
});
