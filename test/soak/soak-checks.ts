// What a soak run must show, shared by the short and the long run.
import { expect } from 'vitest';
import type { SoakReport } from './soak-run';

export function expectHealthySoak(report: SoakReport, expected: { hours: number }): void {
  const { figures, approvals } = report;
  expect(figures.simulatedHours).toBeGreaterThanOrEqual(expected.hours);
  expect(report.unhandledRejections).toEqual([]);
  expect(report.errorLogs).toEqual([]);
  expect(report.deliveredTwice).toEqual([]);
  expect(figures.eventsDelivered).toBeGreaterThan(0);

  // Every approval decided exactly once: the simulator applied as many as the audit log says, one per approval.
  expect(approvals.appliedTwice).toEqual([]);
  expect(approvals.neverDecided).toEqual([]);
  expect(approvals.auditApplied).toBe(approvals.simApplied);
  expect(approvals.auditApplied).toBeGreaterThanOrEqual(expected.hours);

  // Every injected failure showed in the status and went away, with a successful refresh after.
  expect(report.drills.map((d) => d.kind)).toEqual(expect.arrayContaining(['throttle', 'credentials', 'offline']));
  expect(report.drills.filter((d) => !d.surfaced || !d.recovered)).toEqual([]);

  // The restart kept the inbox; the reload read what the events had led to.
  expect(report.restart.approvalsBefore).not.toEqual([]);
  expect(report.restart.approvalsAfter).toEqual(report.restart.approvalsBefore);
  expect(report.reload).toBeDefined();
  expect(report.reload?.approvals.read).toEqual(report.reload?.approvals.followed);
  expect(report.reload?.activity.read).toEqual(report.reload?.activity.followed);
  expect(report.reload?.snapshotUpdatedAt.read).toBe(report.reload?.snapshotUpdatedAt.followed);

  // Memory flat: the heap after a full collection grows by at most 25 % (plus 10 MB of slack) from the baseline.
  const { heapMb } = figures;
  expect(heapMb.final).toBeLessThanOrEqual(heapMb.baseline * 1.25 + 10);
}
