// The pipelines list and page logic: rows with project and last change,
// filtering and sorting (failing first, then recent), keyboard steps, what
// can be stopped or retried, where an action links, and refusals in words.
import { describe, expect, it } from 'vitest';
import { actionErrorText, canTryAgain } from '../../src/renderer/src/components/action-errors';
import {
  actionLink,
  executionDurationMs,
  retryableExecution,
  stoppableExecution,
} from '../../src/renderer/src/components/pipelines/pipeline-detail';
import {
  lastChangeOf,
  pipelineRows,
  shownRows,
  statusCounts,
  stepIndex,
} from '../../src/renderer/src/components/pipelines/pipeline-rows';
import type { ProjectView } from '../../src/shared/projects';
import { action, at, build, execution, location, pipeline, snapshot, stage } from '../support/snapshot-builders';

const failing = pipeline({
  name: 'api',
  stages: [stage('Source', 'a2', 'Succeeded'), stage('Build', 'a2', 'Failed')],
  executions: [execution('a2', 'Failed', 5), execution('a1', 'Succeeded', 1)],
});
const running = pipeline({
  name: 'web',
  stages: [stage('Source', 'w3', 'Succeeded', [action('Source', 'Succeeded', { lastStatusChange: at(40) })])],
  executions: [execution('w3', 'InProgress', 30)],
});
const quiet = pipeline({
  name: 'docs',
  stages: [stage('Source', 'd1', 'Succeeded')],
  executions: [execution('d1', 'Succeeded', 10)],
});
const projects = [
  {
    id: 'shop',
    name: 'Shop',
    state: 'confirmed',
    members: [{ ref: running.data.summary.arn }],
  },
] as unknown as ProjectView[];

describe('the pipelines list', () => {
  const rows = pipelineRows(snapshot([quiet, running, failing]), projects);

  it('names each pipeline’s project, or none, and its last change', () => {
    expect(rows.find((r) => r.name === 'web')?.project).toEqual({ id: 'shop', name: 'Shop' });
    expect(rows.find((r) => r.name === 'api')?.project).toBeUndefined();
    // An action's status change later than the execution's last update wins.
    expect(lastChangeOf(running)).toBe(at(40));
    expect(lastChangeOf(failing)).toBe(at(6));
  });

  it('puts failing pipelines first, then the most recently changed', () => {
    expect(shownRows(rows, '', 'all').map((r) => r.name)).toEqual(['api', 'web', 'docs']);
  });

  it('filters by name or project, case-insensitively, and by status', () => {
    expect(shownRows(rows, 'DOC', 'all').map((r) => r.name)).toEqual(['docs']);
    expect(shownRows(rows, 'shop', 'all').map((r) => r.name)).toEqual(['web']);
    expect(shownRows(rows, '', 'running').map((r) => r.name)).toEqual(['web']);
    expect(shownRows(rows, '', 'failed').map((r) => r.name)).toEqual(['api']);
    expect(shownRows(rows, 'web', 'failed')).toEqual([]);
    expect(statusCounts(rows)).toEqual({ all: 3, failed: 1, running: 1, succeeded: 1 });
  });

  it('steps through rows without leaving the list', () => {
    expect(stepIndex(-1, 1, 3)).toBe(0);
    expect(stepIndex(-1, -1, 3)).toBe(2);
    expect(stepIndex(2, 1, 3)).toBe(2);
    expect(stepIndex(0, -1, 3)).toBe(0);
    expect(stepIndex(1, 1, 3)).toBe(2);
    expect(stepIndex(0, 1, 0)).toBe(-1);
  });
});

describe('one pipeline’s commands', () => {
  it('stops only an execution the snapshot shows running', () => {
    expect(stoppableExecution(running)?.pipelineExecutionId).toBe('w3');
    expect(stoppableExecution(failing)).toBeUndefined();
  });

  it('retries a failed or stopped stage, for the execution it last ran', () => {
    expect(retryableExecution(stage('Build', 'a2', 'Failed'))).toBe('a2');
    expect(retryableExecution(stage('Build', 'a2', 'Stopped'))).toBe('a2');
    expect(retryableExecution(stage('Build', 'a2', 'Succeeded'))).toBeUndefined();
    expect(retryableExecution(stage('Build', 'a2', 'InProgress'))).toBeUndefined();
  });

  it('measures an execution to its last update, or to now while it runs', () => {
    const now = Date.parse(at(50));
    expect(executionDurationMs(execution('a2', 'Failed', 5), now)).toBe(60_000);
    expect(executionDurationMs(execution('w3', 'InProgress', 30), now)).toBe(20 * 60_000);
    expect(executionDurationMs(execution('x', 'Failed', 5, { startTime: undefined }), now)).toBeUndefined();
  });
});

describe('where an action’s run links to', () => {
  const held = build('api-build', 7, 'FAILED');
  const snap = snapshot([held]);

  it('opens a CodeBuild build Starboard read on its page, else the console', () => {
    const read = { provider: 'CodeBuild', externalExecutionId: 'api-build:0007', externalExecutionUrl: 'https://c/b' };
    expect(actionLink(read, location, snap)).toEqual({
      href: `#/builds/${encodeURIComponent(held.id)}`,
      label: 'Build',
      internal: true,
    });
    const other = { ...read, externalExecutionId: 'api-build:0008' };
    expect(actionLink(other, location, snap)).toEqual({ href: 'https://c/b', label: 'CodeBuild', internal: false });
  });

  it('sends approvals to the inbox, and has nothing for an action without a link', () => {
    expect(actionLink({ category: 'Approval', provider: 'Manual' }, location, snap)?.href).toBe('#/approvals');
    expect(actionLink({ provider: 'S3' }, location, snap)).toBeUndefined();
  });
});

const commandErrorText = (error: Parameters<typeof actionErrorText>[0], iamAction: string): string =>
  actionErrorText(error, {
    iamAction,
    nothing: 'Nothing was changed.',
    refused: 'CodePipeline did not accept the request',
  });

describe('a refused command in words', () => {
  it('names the missing IAM permission, the one AWS named first', () => {
    expect(
      commandErrorText(
        { code: 'access-denied', message: 'x', missingPermission: 'codepipeline:RetryStageExecution' },
        'codepipeline:StartPipelineExecution',
      ),
    ).toContain('codepipeline:RetryStageExecution');
    expect(commandErrorText({ code: 'access-denied', message: 'x' }, 'codepipeline:StopPipelineExecution')).toContain(
      'codepipeline:StopPipelineExecution',
    );
  });

  it('says that nothing changed when AWS cannot be reached, and how the provider refused otherwise', () => {
    expect(commandErrorText({ code: 'offline', message: '' }, 'x')).toBe(
      'AWS cannot be reached right now. Nothing was changed. Try again when the network is back.',
    );
    expect(commandErrorText({ code: 'internal', message: 'boom' }, 'x')).toBe(
      'CodePipeline did not accept the request: boom',
    );
  });

  it('shows the hub’s own words for a conflict, and offers no retry for it', () => {
    const conflict = { code: 'conflict' as const, message: 'Stage Build of api is Succeeded.' };
    expect(commandErrorText(conflict, 'codepipeline:RetryStageExecution')).toBe(conflict.message);
    expect(canTryAgain(conflict)).toBe(false);
    expect(canTryAgain({ code: 'throttled', message: '' })).toBe(true);
    expect(canTryAgain(undefined)).toBe(true);
  });
});
