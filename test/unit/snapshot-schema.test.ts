import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { Build, BuildPhase, TestSummary } from '../../src/shared/builds';
import type {
  ActionDetail,
  ApprovalRef,
  PipelineDetail,
  PipelineExecution,
  PipelineSummary,
  SourceRevision,
  StageDetail,
  WaitingApproval,
} from '../../src/shared/pipelines';
import type {
  ApprovalRuleState,
  CommitInfo,
  MergeState,
  PullRequestApproval,
  PullRequestInfo,
  WatchedRepository,
} from '../../src/shared/repositories';
import {
  actionDetailSchema,
  approvalRefSchema,
  buildPhaseSchema,
  buildSchema,
  commitInfoSchema,
  pipelineDetailSchema,
  pipelineExecutionSchema,
  pipelineSummarySchema,
  pullRequestSchema,
  sourceProblemSchema,
  sourceRevisionSchema,
  stageDetailSchema,
  testSummarySchema,
  waitingApprovalSchema,
  watchedRepositorySchema,
} from '../../src/shared/snapshot-aws-schema';
import { parseResource, parseSnapshot } from '../../src/shared/snapshot-schema';
import type { SourceProblem } from '../../src/shared/sources';
import { action, build, execution, pipeline, snapshot, stage } from '../support/snapshot-builders';

/** Fields of the model that the schema does not name: they would silently vanish from the file. */
type Missing<Model, Schema extends z.ZodType> = Exclude<keyof Model, keyof z.output<Schema>>;
type PullRequestOut = z.output<typeof pullRequestSchema>;

describe('the snapshot schema', () => {
  it('names every field of the shared models (a new field needs a decision: persist it or not)', () => {
    expectTypeOf<Missing<PipelineSummary, typeof pipelineSummarySchema>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<PipelineDetail, typeof pipelineDetailSchema>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<StageDetail, typeof stageDetailSchema>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<ActionDetail, typeof actionDetailSchema>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<WaitingApproval, typeof waitingApprovalSchema>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<ApprovalRef, typeof approvalRefSchema>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<SourceRevision, typeof sourceRevisionSchema>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<PipelineExecution, typeof pipelineExecutionSchema>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<Build, typeof buildSchema>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<BuildPhase, typeof buildPhaseSchema>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<TestSummary, typeof testSummarySchema>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<WatchedRepository, typeof watchedRepositorySchema>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<PullRequestInfo, typeof pullRequestSchema>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof PullRequestApproval, keyof PullRequestOut['approval']>>().toEqualTypeOf<never>();
    expectTypeOf<
      Exclude<keyof ApprovalRuleState, keyof PullRequestOut['approval']['rules'][number]>
    >().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof MergeState, keyof PullRequestOut['merge']>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<CommitInfo, typeof commitInfoSchema>>().toEqualTypeOf<never>();
    expectTypeOf<Missing<SourceProblem, typeof sourceProblemSchema>>().toEqualTypeOf<never>();
  });

  it('keeps a value AWS sent that this build does not know (RELIABILITY A14)', () => {
    const odd = pipeline({ executions: [execution('e1', 'Succeeded', 0, { status: { unknown: 'Rerouted' } })] });
    expect(parseResource(JSON.parse(JSON.stringify(odd)))).toEqual(odd);
  });

  it('keeps only the action configuration keys that are safe to show (RELIABILITY A15)', () => {
    const configuration = { ProjectName: 'api', OAuthToken: 'secret', EnvironmentVariables: '[{"value":"x"}]' };
    const parsed = parseResource(
      pipeline({ stages: [stage('Build', 'e1', 'Succeeded', [action('Compile', 'Succeeded', { configuration })])] }),
    );
    const state = parsed?.kind === 'pipeline' ? parsed.data.state : undefined;
    expect(state?.stages[0]?.actions[0]?.configuration).toEqual({ ProjectName: 'api' });
  });

  it('refuses a resource whose id does not start with its kind, or an unknown kind', () => {
    const api = build('api', 1, 'FAILED');
    expect(parseResource({ ...api, id: 'pipeline:x' })).toBeUndefined();
    expect(parseResource({ ...api, kind: 'deployment', id: 'deployment:x' })).toBeUndefined();
    expect(parseResource(api)).toEqual(api);
  });

  it('drops a bad source status alone', () => {
    const value = { ...snapshot([]), sources: { 'aws:a:b': { id: 'aws:a:b', kinds: { build: { fetchedAt: 3 } } } } };
    const parsed = parseSnapshot(value);
    expect('error' in parsed ? parsed.error : parsed.dropped).toEqual(['aws:a:b']);
  });
});
