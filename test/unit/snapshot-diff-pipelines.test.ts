import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../src/main/hub/snapshot/diff';
import type { ChangeEvent } from '../../src/shared/events';
import type { ExecutionStatus, StageDetail } from '../../src/shared/pipelines';
import { action, execution, pipeline, snapshot, stage, waiting } from '../support/snapshot-builders';

const rid = 'pipeline:acme:eu-west-1:web';
const kinds = (events: ChangeEvent[]) => events.map((e) => e.kind);
/** A rejected or expired approval also fails its stage; these tests look at the approval's own events. */
const approvalsOnly = (events: ChangeEvent[]) => events.filter((e) => e.kind.startsWith('approval.'));

describe('pipeline execution events', () => {
  it('reports a new running execution as started, with its id and commit', () => {
    const before = snapshot([pipeline({ executions: [execution('e1', 'Succeeded', 0)] })]);
    const after = snapshot([
      pipeline({ executions: [execution('e2', 'InProgress', 10), execution('e1', 'Succeeded', 0)] }),
    ]);
    const [event, ...rest] = diffSnapshots(before, after);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      id: `pipeline.execution.started:${rid}:e2`,
      kind: 'pipeline.execution.started',
      resourceId: rid,
      origin: 'change',
      summary: 'Pipeline web started: commit for e2',
      data: { pipeline: 'web', executionId: 'e2', status: 'InProgress', revisions: [{ revisionId: 'c-e2' }] },
    });
  });

  it.each([
    ['Succeeded', 'pipeline.execution.succeeded', 'Pipeline web succeeded'],
    ['Failed', 'pipeline.execution.failed', 'Pipeline web failed: Build failed'],
    ['Stopped', 'pipeline.execution.stopped', 'Pipeline web was stopped: not today'],
  ] as const)('reports an execution that ended %s', (status, kind, summary) => {
    const before = snapshot([pipeline({ executions: [execution('e1', 'InProgress', 0)] })]);
    const ended = execution('e1', status, 0, { statusSummary: 'Build failed', stopReason: 'not today' });
    const events = diffSnapshots(before, snapshot([pipeline({ executions: [ended] })]));
    expect(events).toEqual([expect.objectContaining({ id: `${kind}:${rid}:e1`, kind, summary })]);
  });

  it('reports an execution that started and ended between two reads by its end only', () => {
    const before = snapshot([pipeline({ executions: [execution('e1', 'Succeeded', 0)] })]);
    const after = snapshot([
      pipeline({ executions: [execution('e2', 'Failed', 10), execution('e1', 'Succeeded', 0)] }),
    ]);
    expect(kinds(diffSnapshots(before, after))).toEqual(['pipeline.execution.failed']);
  });

  it.each(['Stopping', 'Superseded', 'Cancelled'] as ExecutionStatus[])('says nothing for %s', (status) => {
    const before = snapshot([pipeline({ executions: [execution('e1', 'InProgress', 0)] })]);
    expect(diffSnapshots(before, snapshot([pipeline({ executions: [execution('e1', status, 0)] })]))).toEqual([]);
  });

  it('says nothing for an unchanged snapshot or an older execution coming into view', () => {
    const before = snapshot([pipeline({ executions: [execution('e5', 'Succeeded', 50)] })]);
    expect(diffSnapshots(before, before)).toEqual([]);
    const longer = snapshot([
      pipeline({ executions: [execution('e5', 'Succeeded', 50), execution('e4', 'Failed', 40)] }),
    ]);
    expect(diffSnapshots(before, longer)).toEqual([]);
  });

  it('says nothing about a pipeline that left the snapshot', () => {
    const before = snapshot([pipeline({ executions: [execution('e1', 'InProgress', 0)] })]);
    expect(diffSnapshots(before, snapshot([]))).toEqual([]);
  });
});

describe('stage failed', () => {
  const failing = (actionExecutionId: string) =>
    stage('Build', 'e1', 'Failed', [
      action('Compile', 'Failed', { actionExecutionId, errorDetails: { code: 'JobFailed', message: 'exit 2' } }),
      action('Lint', 'Succeeded'),
    ]);

  it('reports a stage that failed, with its failed actions', () => {
    const before = snapshot([pipeline({ stages: [stage('Build', 'e1', 'InProgress')] })]);
    const events = diffSnapshots(before, snapshot([pipeline({ stages: [failing('a1')] })]));
    expect(events).toEqual([
      expect.objectContaining({
        id: `pipeline.stage.failed:${rid}:Build:e1:a1`,
        kind: 'pipeline.stage.failed',
        summary: 'Pipeline web: stage Build failed: Compile (exit 2)',
        data: expect.objectContaining({
          stage: 'Build',
          executionId: 'e1',
          failedActions: [{ name: 'Compile', code: 'JobFailed', message: 'exit 2' }],
        }) as unknown,
      }),
    ]);
  });

  it('reports it once, and again with a new id when a retry fails again', () => {
    const failed = snapshot([pipeline({ stages: [failing('a1')] })]);
    expect(diffSnapshots(failed, failed)).toEqual([]);
    const retrying = snapshot([pipeline({ stages: [stage('Build', 'e1', 'InProgress')] })]);
    const again = diffSnapshots(retrying, snapshot([pipeline({ stages: [failing('a2')] })]));
    expect(again.map((e) => e.id)).toEqual([`pipeline.stage.failed:${rid}:Build:e1:a2`]);
  });
});

describe('approval events', () => {
  const approval = waiting('Approve', 'Manual', 'e1', { customData: 'Check the canary dashboard' });
  const waitingState = snapshot([
    pipeline({
      stages: [stage('Approve', 'e1', 'InProgress', [action('Manual', 'InProgress')])],
      waitingApprovals: [approval],
    }),
  ]);
  const idOf = (kind: string) => `${kind}:${rid}:Approve:Manual:e1`;
  const after = (...stages: StageDetail[]) => snapshot([pipeline({ stages })]);

  it('reports a new waiting approval as requested', () => {
    const before = snapshot([pipeline({ stages: [stage('Approve', 'e1', 'InProgress')] })]);
    expect(diffSnapshots(before, waitingState)).toEqual([
      expect.objectContaining({
        id: idOf('approval.requested'),
        origin: 'change',
        summary: 'web waits for approval at Approve / Manual',
        data: expect.objectContaining({ ref: approval.ref, customData: 'Check the canary dashboard' }) as unknown,
      }),
    ]);
    expect(diffSnapshots(waitingState, waitingState)).toEqual([]);
  });

  it.each([
    ['Succeeded', 'approved'],
    ['Failed', 'rejected'],
  ] as const)('reports an approval answered (%s) as decided', (status, outcome) => {
    const decided = action('Manual', status, { lastUpdatedBy: 'arn:aws:iam::111122223333:user/alice', summary: 'ok' });
    const events = approvalsOnly(diffSnapshots(waitingState, after(stage('Approve', 'e1', status, [decided]))));
    expect(events).toEqual([
      expect.objectContaining({
        id: idOf('approval.decided'),
        summary: `Approve / Manual in web was ${outcome} by alice`,
        data: expect.objectContaining({
          outcome,
          by: 'arn:aws:iam::111122223333:user/alice',
          comment: 'ok',
        }) as unknown,
      }),
    ]);
  });

  it('reports an approval that failed without anyone answering as expired', () => {
    const events = approvalsOnly(
      diffSnapshots(waitingState, after(stage('Approve', 'e1', 'Failed', [action('Manual', 'Failed')]))),
    );
    expect(events).toEqual([expect.objectContaining({ id: idOf('approval.expired'), kind: 'approval.expired' })]);
  });

  it.each([
    ['superseded', after(stage('Approve', 'e2', 'InProgress', [action('Manual', 'InProgress')]))],
    ['stopped', after(stage('Approve', 'e1', 'Stopped', [action('Manual', 'Abandoned')]))],
    ['removed', after(stage('Deploy', 'e1', 'InProgress'))],
  ] as const)('reports an approval that stopped waiting otherwise as withdrawn (%s)', (reason, next) => {
    const events = diffSnapshots(waitingState, next);
    expect(events).toEqual([
      expect.objectContaining({ id: idOf('approval.withdrawn'), data: expect.objectContaining({ reason }) as unknown }),
    ]);
  });

  it('also reports the stage a rejection failed: both are true, the consumer picks', () => {
    const rejected = action('Manual', 'Failed', { lastUpdatedBy: 'arn:aws:iam::1:user/alice' });
    const events = diffSnapshots(waitingState, after(stage('Approve', 'e1', 'Failed', [rejected])));
    expect(kinds(events)).toEqual(['pipeline.stage.failed', 'approval.decided']);
  });

  it('waits while the action still runs, even when the list misses it for a moment', () => {
    expect(
      diffSnapshots(waitingState, after(stage('Approve', 'e1', 'InProgress', [action('Manual', 'InProgress')]))),
    ).toEqual([]);
  });
});
