// When a pipeline's executions are worth a ListPipelineExecutions call, and
// how the scheduler's stats read in the status bar.
import { describe, expect, it } from 'vitest';
import { refreshStatus } from '../../src/main/hub/live/refresh-status';
import { executionsMoved, isRunning } from '../../src/main/hub/live/region-tasks';
import type { PipelineDetail, PipelineExecution } from '../../src/shared/pipelines';

const location = { accountKey: 'a', accountId: '111122223333', region: 'us-east-1' };
const state = (...ids: string[]): PipelineDetail => ({
  name: 'p',
  location,
  fetchedAt: '2026-11-27T09:00:00Z',
  definitionOutdated: false,
  stages: ids.map((id, i) => ({
    name: `s${i}`,
    inboundExecutions: [],
    actions: [],
    latestExecution: { pipelineExecutionId: id, status: 'Succeeded' },
  })),
  waitingApprovals: [],
  consoleUrl: 'https://console.aws.amazon.com/',
});
/** Stage s0 done, stage s1 waiting at its manual approval. */
function approvalWaiting(id: string): PipelineDetail {
  const base = state(id, id);
  const approval = { name: 'Approve', configuration: {}, status: 'InProgress' as const };
  base.stages[1] = {
    name: 's1',
    inboundExecutions: [],
    latestExecution: { pipelineExecutionId: id, status: 'InProgress' },
    actions: [approval],
  };
  base.waitingApprovals = [
    {
      ref: { pipeline: 'p', stage: 's1', action: 'Approve', pipelineExecutionId: id },
      location,
      sourceRevisions: [],
      consoleUrl: '',
    },
  ];
  return base;
}
const execution = (id: string, status: PipelineExecution['status']) =>
  ({ pipelineExecutionId: id, status }) as PipelineExecution;

describe('executionsMoved', () => {
  it('reads executions the first time, for a new execution id, and while one runs', () => {
    expect(executionsMoved(state('e1'), undefined)).toBe(true);
    expect(executionsMoved(state('e1', 'e2'), [execution('e1', 'Succeeded')])).toBe(true);
    expect(executionsMoved(state('e1'), [execution('e1', 'InProgress')])).toBe(true);
  });

  it('spares the call for an execution parked at a manual approval, until the state moves', () => {
    const parked = approvalWaiting('e1');
    const running = [execution('e1', 'InProgress')];
    expect(executionsMoved(parked, running, parked)).toBe(false);
    expect(executionsMoved(parked, running, state('e1'))).toBe(true);
  });

  it('spares the call when nothing moved', () => {
    expect(executionsMoved(state('e1', 'e1'), [execution('e1', 'Succeeded'), execution('e0', 'Failed')])).toBe(false);
    expect(executionsMoved(state(), [])).toBe(false);
  });
});

describe('isRunning', () => {
  it('is running while a stage works, and idle while all that is in progress waits for an approval', () => {
    const building = approvalWaiting('e1');
    building.stages[0] = {
      name: 's0',
      inboundExecutions: [],
      latestExecution: { pipelineExecutionId: 'e1', status: 'InProgress' },
      actions: [{ name: 'Build', configuration: {}, status: 'InProgress' }],
    };
    expect(isRunning(building, [execution('e1', 'InProgress')])).toBe(true);
    expect(isRunning(approvalWaiting('e1'), [execution('e1', 'InProgress')])).toBe(false);
    expect(isRunning(state('e1'), [execution('e1', 'InProgress')])).toBe(true);
    expect(isRunning(state('e1'), [execution('e1', 'Succeeded')])).toBe(false);
  });
});

describe('refreshStatus', () => {
  it('reads the last good refresh, throttled lanes, accounts waiting for sign-in and failing tasks', () => {
    const status = refreshStatus({
      now: Date.parse('2026-11-27T09:10:00Z'),
      visibility: 'visible',
      online: false,
      offline: { since: Date.parse('2026-11-27T09:05:00Z'), attempt: 2, nextProbeAt: 0 },
      pausedAccounts: ['work', 'ci'],
      running: 1,
      runs: 9,
      lanes: [
        {
          service: 'codebuild@work',
          region: 'us-east-1',
          limit: 1,
          running: 0,
          runs: 3,
          throttle: { attempt: 1, until: Date.parse('2026-11-27T09:11:00Z') },
        },
        { service: 'codepipeline@work', region: 'us-east-1', limit: 4, running: 1, runs: 6 },
      ],
      tasks: [
        {
          key: 'a',
          account: 'work',
          service: 's',
          region: 'r',
          cadence: 'idle',
          status: 'scheduled',
          nextDueAt: 0,
          runs: 2,
          consecutiveErrors: 0,
          lastOutcome: 'ok',
          lastEndedAt: Date.parse('2026-11-27T09:04:00Z'),
        },
        {
          key: 'b',
          account: 'work',
          service: 's',
          region: 'r',
          cadence: 'idle',
          status: 'scheduled',
          nextDueAt: 0,
          runs: 2,
          consecutiveErrors: 1,
          lastOutcome: 'error',
          lastMessage: 'boom',
        },
        {
          key: 'c',
          account: 'work',
          service: 's',
          region: 'r',
          cadence: 'idle',
          status: 'scheduled',
          nextDueAt: 0,
          runs: 1,
          consecutiveErrors: 0,
          lastOutcome: 'offline',
          lastEndedAt: Date.parse('2026-11-27T09:09:00Z'),
        },
      ],
    });
    expect(status).toEqual({
      lastRefreshAt: '2026-11-27T09:04:00.000Z',
      online: false,
      offlineSince: '2026-11-27T09:05:00.000Z',
      throttled: [{ service: 'codebuild@work', region: 'us-east-1', until: '2026-11-27T09:11:00.000Z' }],
      needsSignIn: ['ci', 'work'],
      running: 1,
      tasks: 3,
      failing: [{ key: 'b', message: 'boom' }],
      github: [],
    });
  });
});
