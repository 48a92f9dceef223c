// What a cold start emits: no news, only what is waiting or failing now, as
// 'current-state', with the ids the same facts get as news.
import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../src/main/hub/snapshot/diff';
import type { ChangeEvent } from '../../src/shared/events';
import {
  action,
  build,
  execution,
  pipeline,
  pullRequest,
  repository,
  snapshot,
  stage,
  waiting,
} from '../support/snapshot-builders';

const summaries = (events: ChangeEvent[]) => events.map((e) => `${e.origin} ${e.id}`);

const busyPipeline = pipeline({
  executions: [execution('e3', 'Failed', 30), execution('e2', 'InProgress', 20), execution('e1', 'Failed', 10)],
  stages: [
    stage('Build', 'e3', 'Failed', [action('Compile', 'Failed', { actionExecutionId: 'a1' })]),
    stage('Approve', 'e2', 'InProgress', [action('Manual', 'InProgress')]),
  ],
  waitingApprovals: [waiting('Approve', 'Manual', 'e2')],
});

describe('a cold start (no previous snapshot)', () => {
  it('emits approvals waiting and a failing latest execution as current state, and nothing else', () => {
    const events = diffSnapshots(undefined, snapshot([busyPipeline]));
    expect(summaries(events)).toEqual([
      'current-state pipeline.execution.failed:pipeline:acme:eu-west-1:web:e3',
      'current-state approval.requested:pipeline:acme:eu-west-1:web:Approve:Manual:e2',
    ]);
    expect(events[0]?.summary).toBe('Pipeline web is failing: its last execution (e3) failed');
  });

  it('emits nothing for a pipeline whose latest execution succeeded or runs', () => {
    const healthy = pipeline({ executions: [execution('e2', 'InProgress', 20), execution('e1', 'Failed', 10)] });
    expect(diffSnapshots(undefined, snapshot([healthy]))).toEqual([]);
  });

  it('emits one failing build per project whose latest verdict failed, skipping stopped and running builds', () => {
    const builds = [
      build('api', 1, 'FAILED'),
      build('api', 2, 'SUCCEEDED'),
      build('web', 1, 'SUCCEEDED'),
      build('web', 2, 'FAILED'),
      build('web', 3, 'STOPPED'),
      build('web', 4, 'IN_PROGRESS'),
    ];
    const events = diffSnapshots(undefined, snapshot(builds));
    expect(summaries(events)).toEqual([
      'current-state build.failed:arn:aws:codebuild:eu-west-1:111122223333:build/web:0002',
    ]);
    expect(events[0]?.summary).toBe('Build web is failing: web #2 failed');
  });

  it('emits nothing for open or approved pull requests', () => {
    const approved = pullRequest('8', { approval: { state: 'approved', approvedBy: ['a'], rules: [] } });
    expect(diffSnapshots(undefined, snapshot([repository([pullRequest('7'), approved])]))).toEqual([]);
  });
});

describe('parts read for the first time count as a cold start too', () => {
  it('builds of an account and region never read before (an account just added)', () => {
    const before = snapshot([], ['pipeline']);
    const after = snapshot([build('api', 1, 'SUCCEEDED'), build('api', 2, 'FAILED')]);
    expect(summaries(diffSnapshots(before, after))).toEqual([
      'current-state build.failed:arn:aws:codebuild:eu-west-1:111122223333:build/api:0002',
    ]);
  });

  it('a first read that failed does not count as read', () => {
    const before = snapshot([]);
    for (const status of Object.values(before.sources)) status.kinds.build = { fetchedAt: '' };
    const after = snapshot([build('api', 1, 'SUCCEEDED')]);
    expect(diffSnapshots(before, after)).toEqual([]);
  });

  it("a pipeline's executions or state read for the first time", () => {
    const before = snapshot([pipeline({ noState: true })]);
    expect(summaries(diffSnapshots(before, snapshot([busyPipeline])))).toEqual([
      'current-state pipeline.execution.failed:pipeline:acme:eu-west-1:web:e3',
      'current-state approval.requested:pipeline:acme:eu-west-1:web:Approve:Manual:e2',
    ]);
  });

  it('a new pipeline, and a repository whose first read failed', () => {
    expect(diffSnapshots(snapshot([]), snapshot([busyPipeline])).every((e) => e.origin === 'current-state')).toBe(true);
    const unread = snapshot([repository([], { fetchedAt: '' })]);
    expect(diffSnapshots(unread, snapshot([repository([pullRequest('7')])]))).toEqual([]);
  });

  it('gives a current-state fact the id it has as news, so dedup holds across a lost snapshot', () => {
    const cold = diffSnapshots(undefined, snapshot([busyPipeline]));
    const warm = diffSnapshots(
      snapshot([pipeline({ executions: [execution('e3', 'InProgress', 30)], stages: [] })]),
      snapshot([busyPipeline]),
    );
    expect(warm.map((e) => e.id)).toEqual(expect.arrayContaining(cold.map((e) => e.id)));
  });
});
