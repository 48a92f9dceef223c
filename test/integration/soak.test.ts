// The short soak in `npm test`: two simulated hours of the `faults` scenario
// with every drill of the long one (a throttling burst each hour, the key
// expiring, an offline period, a hub restart and a renderer reload) and the
// same checks. The day-long run is `npm run soak` (test/soak/day.soak.ts).
import { describe, it } from 'vitest';
import { expectHealthySoak } from '../soak/soak-checks';
import { runSoak } from '../soak/soak-run';

describe('the short soak', () => {
  it('runs two simulated hours of trouble with no crash, no leak, each approval decided once and every failure surfaced and recovered', async () => {
    const report = await runSoak({ hours: 2 });
    console.info('short soak', JSON.stringify(report.figures), JSON.stringify(report.drills));
    expectHealthySoak(report, { hours: 2 });
  }, 120_000);
});
