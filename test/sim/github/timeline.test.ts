// Properties of the pure timeline that every run follows: time only moves a
// run forward (no job or step ever goes back to an earlier status or changes
// its conclusion), timestamps are ordered, and a run completes exactly when
// all of its listed jobs have completed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Environment, EnvironmentReview, JobPlan, RunAttempt, SimUser } from '../../../src/sim/github/world/model';
import { evaluateAttempt, type JobStatus } from '../../../src/sim/github/world/timeline';

const reviewer: SimUser = { id: 1, login: 'reviewer', name: 'Reviewer', type: 'User', createdAt: 0 };
const gated: Environment = {
  id: 9,
  name: 'production',
  createdAt: 0,
  reviewers: [reviewer],
  preventSelfReview: false,
  waitTimerMinutes: 0,
  reviewRuleId: 1,
  branchRuleId: 2,
};
const environments = new Map([[gated.name, gated]]);
const order: Record<JobStatus, number> = { queued: 0, waiting: 1, in_progress: 2, completed: 3 };

const job = fc.record({
  steps: fc.array(fc.integer({ min: 1, max: 120_000 }), { minLength: 1, maxLength: 4 }),
  queueMs: fc.integer({ min: 0, max: 30_000 }),
  failAtStep: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  gated: fc.boolean(),
});
const attempt = fc.record({
  stages: fc.array(fc.array(job, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }),
  reviewAt: fc.option(fc.integer({ min: 0, max: 900_000 }), { nil: undefined }),
  rejected: fc.boolean(),
  interruptAt: fc.option(fc.integer({ min: 0, max: 900_000 }), { nil: undefined }),
  cancel: fc.boolean(),
  times: fc.array(fc.integer({ min: 0, max: 1_200_000 }), { minLength: 2, maxLength: 8 }),
});

type AttemptInput = typeof attempt extends fc.Arbitrary<infer T> ? T : never;

function build(input: AttemptInput): RunAttempt {
  let id = 0;
  const stages = input.stages.map((stage) =>
    stage.map((j): JobPlan => ({
      id: ++id,
      name: `job-${id}`,
      queueMs: j.queueMs,
      steps: j.steps.map((durationMs, i) => ({ name: `step-${i}`, durationMs })),
      ...(j.failAtStep !== undefined && j.failAtStep < j.steps.length && { failAtStep: j.failAtStep }),
      ...(j.gated && { environment: gated.name, deploymentId: 100 + id }),
    })),
  );
  const reviews: EnvironmentReview[] =
    input.reviewAt === undefined
      ? []
      : [
          {
            environment: gated.name,
            state: input.rejected ? 'rejected' : 'approved',
            user: reviewer,
            comment: 'c',
            at: input.reviewAt,
          },
        ];
  const interrupt =
    input.interruptAt === undefined
      ? {}
      : input.cancel
        ? { cancelledAt: input.interruptAt }
        : { failedAt: input.interruptAt };
  return { number: 1, actor: reviewer, createdAt: 0, stages, reviews, ...interrupt };
}

describe('the run timeline', () => {
  it('only moves forward, keeps timestamps ordered, and completes with its jobs', () => {
    fc.assert(
      fc.property(attempt, (input) => {
        const plan = build(input);
        // Decisions are made at their time: evaluate only from the latest decision on, as the simulator does.
        const from = Math.max(input.reviewAt ?? 0, input.interruptAt ?? 0);
        const times = [...new Set(input.times.map((t) => t + from))].sort((a, b) => a - b);
        const seen = new Map<number, { status: JobStatus; conclusion: string | null }>();
        let wasCompleted = false;
        for (const now of times) {
          const view = evaluateAttempt(plan, environments, now);
          expect(view.status === 'completed').toBe(
            view.jobs.every((j) => j.status === 'completed') && view.completedAt !== null,
          );
          if (wasCompleted) expect(view.status).toBe('completed');
          wasCompleted = view.status === 'completed';
          for (const j of view.jobs) {
            const before = seen.get(j.plan.id);
            if (before) {
              expect(order[j.status]).toBeGreaterThanOrEqual(order[before.status]);
              if (before.conclusion !== null) expect(j.conclusion).toBe(before.conclusion);
            }
            seen.set(j.plan.id, { status: j.status, conclusion: j.conclusion });
            expect(j.startedAt).toBeGreaterThanOrEqual(j.createdAt);
            if (j.status === 'completed') expect(j.steps.every((st) => st.status === 'completed')).toBe(true);
            if (j.status === 'in_progress') expect(j.steps.some((st) => st.status === 'in_progress')).toBe(true);
            if (j.status === 'waiting') expect(j.steps).toEqual([]);
            if (j.completedAt !== null) expect(j.completedAt).toBeGreaterThanOrEqual(j.startedAt);
            for (const step of j.steps) {
              if (step.startedAt !== null && step.completedAt !== null)
                expect(step.completedAt).toBeGreaterThanOrEqual(step.startedAt);
              if (step.startedAt !== null) expect(step.startedAt).toBeLessThanOrEqual(now);
            }
          }
        }
      }),
      { numRuns: 300, seed: 20260115 },
    );
  });
});
