// The long soak: a simulated day (SOAK_HOURS to change it) of the `faults`
// scenario with every drill, judged like the short one, printing the figures
// the issue asks for. Run with `npm run soak`.
import { describe, it } from 'vitest';
import { expectHealthySoak } from './soak-checks';
import { runSoak, type SoakFigures } from './soak-run';

const hours = Number(process.env.SOAK_HOURS ?? 24);

function line(figures: SoakFigures): string {
  const { heapMb } = figures;
  return [
    `simulated ${figures.simulatedHours.toFixed(2)} h in ${figures.realSeconds} s real`,
    `${figures.awsCalls} AWS calls`,
    `${figures.eventsDelivered} events delivered`,
    `${figures.approvalsDecided} approvals decided (${figures.approvalsSeen} seen, ${figures.decideCalls} decide calls)`,
    `faults ${figures.faultsInjected} injected / ${figures.faultsSurfaced} surfaced / ${figures.faultsRecovered} recovered`,
    `heap ${heapMb.baseline} MB at hour ${heapMb.baselineHour}, peak ${heapMb.peak} MB, final ${heapMb.final} MB`,
    `longest wait for calls ${figures.longestSettleMs} ms`,
  ].join('; ');
}

describe('the soak', () => {
  it(`runs ${hours} simulated hours of trouble with no crash, no leak, each approval decided once and every failure surfaced and recovered`, async () => {
    const report = await runSoak({
      hours,
      onHour: (hour, figures) => console.info(`hour ${hour}: ${line(figures)}`),
    });
    console.info(`soak figures: ${line(report.figures)}`);
    for (const drill of report.drills) console.info('drill', JSON.stringify(drill));
    expectHealthySoak(report, { hours });
  });
});
