// The CodePipeline mappers on crafted responses: values the simulator never
// sends (unknown enums, secrets in configuration, PARALLEL-mode tokens).
import type { ActionExecutionDetail, GetPipelineOutput, GetPipelineStateOutput } from '@aws-sdk/client-codepipeline';
import { describe, expect, it } from 'vitest';
import { fromActionExecutions, fromState } from '../../../src/main/sources/aws/codepipeline/approval-observe';
import { mapDefinition } from '../../../src/main/sources/aws/codepipeline/map-definition';
import { mapActionExecution, parseRevisionSummary } from '../../../src/main/sources/aws/codepipeline/map-executions';
import { mapState } from '../../../src/main/sources/aws/codepipeline/map-state';
import type { MappingContext } from '../../../src/main/sources/aws/codepipeline/mapping-context';
import { enumLabel } from '../../../src/shared/pipelines';

const location = { accountKey: 'k', accountId: '111122223333', region: 'eu-west-1' };
const token = '0f8fad5b-d9cb-469f-a165-70867728950e';

function context(): MappingContext & { unknown: string[] } {
  const unknown: string[] = [];
  return { location, unknown, onUnknown: (field, value) => unknown.push(`${field}=${value}`) };
}

// The SDK types list today's enum members; AWS may send more tomorrow.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the call site's type picks the enum
const future = <T extends string>(value: string): T => value as T;

describe('CodePipeline mapping', () => {
  it('keeps unknown enum values as { unknown } and reports them (A14)', () => {
    const ctx = context();
    const state: GetPipelineStateOutput = {
      pipelineVersion: 3,
      stageStates: [
        {
          stageName: 'Deploy',
          latestExecution: { pipelineExecutionId: 'e1', status: future('Paused') },
          actionStates: [{ actionName: 'Ship', latestExecution: { status: future('Throttled'), summary: 'waiting' } }],
        },
      ],
    };
    const { detail } = mapState(ctx, { name: 'p', state, revisions: () => undefined, fetchedAt: new Date(0) });
    const stage = detail.stages[0];
    expect(stage?.latestExecution?.status).toEqual({ unknown: 'Paused' });
    expect(enumLabel(stage?.latestExecution?.status)).toBe('unknown (Paused)');
    expect(stage?.actions[0]?.status).toEqual({ unknown: 'Throttled' });
    expect(detail.definitionOutdated).toBe(true);
    expect(ctx.unknown).toEqual(['stageStatus=Paused', 'actionStatus=Throttled']);
  });

  it('maps a definition: V1 defaults, unknown category, only safe configuration', () => {
    const ctx = context();
    const raw: GetPipelineOutput = {
      pipeline: {
        name: 'legacy',
        roleArn: 'arn:aws:iam::111122223333:role/r',
        version: 7,
        stages: [
          {
            name: 'Build',
            actions: [
              {
                name: 'Build',
                actionTypeId: { category: future('Quantum'), owner: 'AWS', provider: 'CodeBuild', version: '1' },
                configuration: {
                  ProjectName: 'legacy-build',
                  EnvironmentVariables: '[{"name":"TOKEN","value":"hunter2","type":"PLAINTEXT"}]',
                  OAuthToken: '****',
                },
              },
            ],
          },
        ],
      },
    };
    const definition = mapDefinition(ctx, raw);
    expect(definition).toMatchObject({ name: 'legacy', version: 7, pipelineType: 'V1', executionMode: 'SUPERSEDED' });
    expect(definition?.arn).toBe('arn:aws:codepipeline:eu-west-1:111122223333:legacy');
    const action = definition?.stages[0]?.actions[0];
    expect(action?.category).toEqual({ unknown: 'Quantum' });
    expect(action?.configuration).toEqual({ ProjectName: 'legacy-build' });
    expect(JSON.stringify(definition)).not.toContain('hunter2');
  });

  it('parses commit messages out of revision summaries', () => {
    expect(parseRevisionSummary('{"ProviderType":"GitHub","CommitMessage":"Fix the cart"}')).toEqual({
      commitMessage: 'Fix the cart',
      providerType: 'GitHub',
    });
    expect(parseRevisionSummary('Plain CodeCommit message')).toEqual({ commitMessage: 'Plain CodeCommit message' });
    expect(parseRevisionSummary('{not json')).toEqual({ commitMessage: '{not json' });
    expect(parseRevisionSummary(undefined)).toEqual({});
  });

  it('never lets an approval token out through action runs, and links logs', () => {
    const ctx = context();
    const approval = mapActionExecution(ctx, {
      pipelineExecutionId: 'e1',
      actionExecutionId: 'a1',
      stageName: 'Approval',
      actionName: 'Approve',
      status: 'InProgress',
      input: { actionTypeId: { category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' } },
      output: { executionResult: { externalExecutionId: token } },
    });
    expect(JSON.stringify(approval)).not.toContain(token);
    const build = mapActionExecution(ctx, {
      pipelineExecutionId: 'e1',
      actionExecutionId: 'a2',
      stageName: 'Build',
      actionName: 'Build',
      input: { actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' } },
      output: {
        executionResult: {
          externalExecutionId: 'web-build:1234',
          logStreamARN: 'arn:aws:logs:eu-west-1:111122223333:log-group:/aws/codebuild/web-build:log-stream:1234',
        },
      },
    });
    expect(build?.output.externalExecutionId).toBe('web-build:1234');
    expect(build?.logLinks.map((l) => l.label)).toEqual(['CloudWatch log stream', 'CodeBuild build']);
  });
});

describe('approval tokens by execution mode (P05)', () => {
  const ref = { pipeline: 'p', stage: 'Approval', action: 'Approve', pipelineExecutionId: 'e1' };
  const run = (over: Partial<ActionExecutionDetail>): ActionExecutionDetail => ({
    pipelineExecutionId: 'e1',
    actionExecutionId: 'a1',
    stageName: 'Approval',
    actionName: 'Approve',
    status: 'InProgress',
    output: { executionResult: { externalExecutionId: token } },
    ...over,
  });

  it("PARALLEL: takes the token from the reviewed execution's action run", () => {
    const other = run({
      pipelineExecutionId: 'e2',
      actionExecutionId: 'a9',
      output: { executionResult: { externalExecutionId: 'x' } },
    });
    expect(fromActionExecutions([other, run({})], ref)).toEqual({ kind: 'waiting', token, actionExecutionId: 'a1' });
  });

  it('PARALLEL: refuses when two runs of the action wait in the same execution', () => {
    expect(fromActionExecutions([run({}), run({ actionExecutionId: 'a2' })], ref)).toEqual({ kind: 'ambiguous' });
  });

  it('PARALLEL: reports who decided when no run waits', () => {
    const decided = run({ status: 'Succeeded', updatedBy: 'arn:aws:iam::111122223333:user/maya' });
    expect(fromActionExecutions([decided], ref)).toMatchObject({
      kind: 'done',
      status: 'Succeeded',
      by: decided.updatedBy,
    });
  });

  it('SUPERSEDED: a token of another execution is not ours', () => {
    const state: GetPipelineStateOutput = {
      stageStates: [
        {
          stageName: 'Approval',
          latestExecution: { pipelineExecutionId: 'e2', status: 'InProgress' },
          actionStates: [{ actionName: 'Approve', latestExecution: { status: 'InProgress', token } }],
        },
      ],
    };
    expect(fromState(state, ref)).toEqual({ kind: 'superseded', currentExecutionId: 'e2' });
  });
});
