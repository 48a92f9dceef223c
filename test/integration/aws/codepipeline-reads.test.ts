// PipelineSource reads through the real SDK against the simulator: listing,
// the definition cache, the cost of a steady-state refresh, state, history
// and action runs. Call counts come from the simulator's request log.
import { GetPipelineCommand, UpdatePipelineCommand } from '@aws-sdk/client-codepipeline';
import { afterEach, describe, expect, it } from 'vitest';
import { demoAws } from '../../../src/sim/aws';
import { minutes } from '../../../src/sim/aws/world/context';
import { afterReceiving, type PipelineRig, pipelineCalls, startPipelineRig } from './support-codepipeline';

const sf = demoAws.storefront;
const pa = demoAws.paymentsApi;
let rig: PipelineRig | undefined;

afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('CodePipeline listing and definitions (scale scenario, 120 pipelines)', () => {
  it('lists beyond one page and reads each definition once', async () => {
    rig = await startPipelineRig('scale', 120, { listPageSize: 25 });
    const first = must(await rig.source.refreshDefinitions());
    expect(first.pipelines).toHaveLength(120);
    expect(new Set(first.pipelines.map((p) => p.name)).size).toBe(120);
    expect(first.definitions).toHaveLength(120);
    expect(pipelineCalls(rig.sim, 'ListPipelines')).toBe(5);
    expect(pipelineCalls(rig.sim, 'GetPipeline')).toBe(120);
    expect(first.pipelines[0]).toMatchObject({ pipelineType: 'V2', executionMode: 'SUPERSEDED' });
    expect(first.pipelines[0]?.consoleUrl).toContain(
      'us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/',
    );

    // Second pass with nothing changed: the listing only, no GetPipeline.
    rig.sim.requests.reset();
    must(await rig.source.refreshDefinitions());
    expect(pipelineCalls(rig.sim, 'GetPipeline')).toBe(0);
    expect(pipelineCalls(rig.sim)).toBe(5);

    // One definition changes through UpdatePipeline: exactly one GetPipeline.
    const { pipeline } = await rig.read.send(new GetPipelineCommand({ name: 'svc-007-pipeline' }));
    if (!pipeline?.stages) throw new Error('no svc-007-pipeline');
    const renamed = pipeline.stages.map((s) => (s.name === 'Build' ? { ...s, name: 'BuildAndTest' } : s));
    const updated = await rig.write.send(new UpdatePipelineCommand({ pipeline: { ...pipeline, stages: renamed } }));
    expect(updated.pipeline?.version).toBe((pipeline.version ?? 0) + 1);
    rig.sim.requests.reset();
    const third = must(await rig.source.refreshDefinitions());
    expect(pipelineCalls(rig.sim, 'GetPipeline')).toBe(1);
    const changed = third.definitions.find((d) => d.name === 'svc-007-pipeline');
    expect(changed?.version).toBe(updated.pipeline?.version);
    expect(changed?.stages.map((s) => s.name)).toContain('BuildAndTest');
    rig.sim.requests.reset();
    must(await rig.source.refreshDefinitions());
    expect(pipelineCalls(rig.sim, 'GetPipeline')).toBe(0);
  });

  it('costs exactly N GetPipelineState calls for a steady-state refresh of N pipelines', async () => {
    rig = await startPipelineRig('scale', 120);
    const { pipelines } = must(await rig.source.refreshDefinitions());
    const names = pipelines.map((p) => p.name);
    rig.sim.requests.reset();
    const states = await rig.source.states(names);
    expect(pipelineCalls(rig.sim)).toBe(120);
    expect(pipelineCalls(rig.sim, 'GetPipelineState')).toBe(120);
    expect([...states.values()].every((s) => s.ok && !s.value.definitionOutdated)).toBe(true);
    // Again, a minute later: still N, and nothing else.
    rig.sim.clock.advance(1 * minutes);
    rig.sim.requests.reset();
    await rig.source.states(names);
    expect(rig.sim.requests.byOperation()).toEqual({ 'codepipeline.GetPipelineState': 120 });
  });

  it('restarts a listing once when its page token goes stale', async () => {
    rig = await startPipelineRig('scale', 120, { listPageSize: 50 });
    let deleted = false;
    // Between page 1 and page 2 the pipeline the token points at is deleted.
    afterReceiving(rig.read, 'ListPipelinesCommand', () => {
      if (deleted) return;
      deleted = true;
      rig?.sim.control.world.pipelines.pipelines.delete('svc-050-pipeline');
    });
    const listed = must(await rig.source.listPipelines());
    expect(listed).toHaveLength(119);
    expect(listed.map((p) => p.name)).not.toContain('svc-050-pipeline');
    // Page 1, the refused page 2, then three pages from the start.
    expect(pipelineCalls(rig.sim, 'ListPipelines')).toBe(5);
    expect(rig.sim.requests.count({ operation: 'ListPipelines', status: 400 })).toBe(1);
  });
});

describe('CodePipeline state, history and action runs (demo)', () => {
  it('maps the waiting storefront approval with its custom data, link and expiry', async () => {
    rig = await startPipelineRig('demo');
    must(await rig.source.refreshDefinitions());
    const detail = must(await rig.source.state(sf.pipeline));
    expect(detail.definitionOutdated).toBe(false);
    expect(detail.stages.map((s) => s.name)).toEqual(['Source', 'Build', 'Approval', 'Deploy']);
    const approvalStage = detail.stages.find((s) => s.name === sf.approvalStage);
    expect(approvalStage?.latestExecution?.status).toBe('InProgress');
    const action = approvalStage?.actions[0];
    expect(action).toMatchObject({
      name: sf.approvalAction,
      category: 'Approval',
      provider: 'Manual',
      status: 'InProgress',
    });
    expect(action?.externalExecutionId).toBeUndefined();
    const source = detail.stages[0]?.actions[0];
    expect(source?.configuration).toMatchObject({ FullRepositoryId: sf.fullRepositoryId, BranchName: 'main' });
    expect(source?.configuration).not.toHaveProperty('OutputArtifactFormat');

    expect(detail.waitingApprovals).toHaveLength(1);
    const [waiting] = detail.waitingApprovals;
    expect(waiting).toMatchObject({
      ref: { pipeline: sf.pipeline, stage: sf.approvalStage, action: sf.approvalAction },
      customData: sf.approvalCustomData,
      externalEntityLink: sf.approvalLink,
    });
    expect(waiting?.ref.pipelineExecutionId).toBe(approvalStage?.latestExecution?.pipelineExecutionId);
    const requested = Date.parse(waiting?.requestedAt ?? '');
    expect(Date.parse(waiting?.expiresAt ?? '')).toBe(requested + 7 * 24 * 60 * minutes);
    expect(waiting?.consoleUrl).toContain(`/executions/${waiting?.ref.pipelineExecutionId}/timeline`);
    // The token never appears in anything a source hands out.
    const token = rig.sim.control.waitingApprovals()[0]?.token ?? 'missing';
    expect(JSON.stringify(detail)).not.toContain(token);

    // What would ship: one GetPipelineExecution, then cached, and shown in the next state.
    const revisions = must(await rig.source.approvalRevisions(sf.pipeline, waiting?.ref.pipelineExecutionId ?? ''));
    expect(revisions[0]).toMatchObject({
      actionName: 'Source',
      commitMessage: 'Update storefront',
      providerType: 'GitHub',
    });
    must(await rig.source.approvalRevisions(sf.pipeline, waiting?.ref.pipelineExecutionId ?? ''));
    expect(pipelineCalls(rig.sim, 'GetPipelineExecution')).toBe(1);
    const again = must(await rig.source.state(sf.pipeline));
    expect(again.waitingApprovals[0]?.sourceRevisions).toEqual(revisions);
  });

  it('maps payments-api failed at Build with the error details', async () => {
    rig = await startPipelineRig('demo');
    must(await rig.source.refreshDefinitions());
    const detail = must(await rig.source.state(pa.pipeline));
    const build = detail.stages.find((s) => s.name === 'Build');
    expect(build?.latestExecution?.status).toBe('Failed');
    expect(build?.actions[0]).toMatchObject({
      status: 'Failed',
      provider: 'CodeBuild',
      configuration: { ProjectName: pa.buildProject },
      errorDetails: { code: 'JobFailed', message: 'Build terminated with state: FAILED' },
    });
    expect(build?.actions[0]?.externalExecutionId).toMatch(new RegExp(`^${pa.buildProject}:`));
    expect(detail.waitingApprovals).toEqual([]);
  });

  it('reads one page of history with source revisions and parses commit messages', async () => {
    rig = await startPipelineRig('demo');
    const storefront = must(await rig.source.executions(sf.pipeline, 5));
    expect(storefront).toHaveLength(5);
    expect(pipelineCalls(rig.sim, 'ListPipelineExecutions')).toBe(1);
    expect(storefront[0]).toMatchObject({ status: 'InProgress', trigger: { type: 'Webhook' } });
    expect(storefront[0]?.sourceRevisions[0]).toMatchObject({
      actionName: 'Source',
      commitMessage: 'Update storefront',
      providerType: 'GitHub',
    });
    expect(storefront[0]?.sourceRevisions[0]?.revisionUrl).toMatch(
      /^https:\/\/github\.com\/acme-rockets\/storefront\/commit\//,
    );

    const payments = must(await rig.source.executions(pa.pipeline));
    expect(payments[0]).toMatchObject({ status: 'Failed', trigger: { type: 'CloudWatchEvent' } });
    expect(payments[0]?.sourceRevisions[0]?.commitMessage).toBe('Cap refunds at the captured amount');
    expect(payments[0]?.sourceRevisions[0]?.revisionId).toMatch(/^[0-9a-f]{40}$/);
  });

  it('adds CodeCommit authors with one BatchGetCommits per page, then from the cache', async () => {
    rig = await startPipelineRig('demo');
    must(await rig.source.refreshDefinitions());
    rig.sim.requests.reset();
    const commitCalls = () => rig?.sim.requests.count({ service: 'codecommit', operation: 'BatchGetCommits' });

    const payments = must(await rig.source.executions(pa.pipeline));
    expect(payments.length).toBeGreaterThan(10);
    expect(commitCalls()).toBe(1);
    expect(rig.sim.requests.count({ service: 'codecommit' })).toBe(1);
    const revisions = payments.flatMap((e) => e.sourceRevisions);
    expect(revisions.every((r) => r.author?.email.endsWith('@acme-rockets.example'))).toBe(true);
    expect(new Set(revisions.map((r) => r.author?.name))).toEqual(new Set(['Maya Chen', 'Jonas Weber', 'Priya Nair']));
    const world = rig.sim.control.world.codecommit.repositories.get(pa.repository);
    const [newest] = revisions;
    expect(newest?.author).toEqual(world?.commits.get(newest?.revisionId ?? '')?.author);

    // Read again (and what an approval would ship): every author comes from the cache.
    rig.sim.requests.reset();
    expect(must(await rig.source.executions(pa.pipeline))).toEqual(payments);
    must(await rig.source.approvalRevisions(pa.pipeline, payments[0]?.pipelineExecutionId ?? ''));
    expect(rig.sim.requests.count({ service: 'codecommit' })).toBe(0);

    // A connection's revision names no author, and nothing is asked for it.
    const storefront = must(await rig.source.executions(sf.pipeline, 5));
    expect(storefront.flatMap((e) => e.sourceRevisions).every((r) => r.author === undefined)).toBe(true);
    expect(rig.sim.requests.count({ service: 'codecommit' })).toBe(0);
  });

  it('lists the action runs of one execution with links, and no approval token', async () => {
    rig = await startPipelineRig('demo');
    const [latest] = must(await rig.source.executions(sf.pipeline, 1));
    const runs = must(await rig.source.actionExecutions(sf.pipeline, latest?.pipelineExecutionId ?? ''));
    expect(pipelineCalls(rig.sim, 'ListActionExecutions')).toBe(1);
    expect(runs.map((r) => r.actionName).sort()).toEqual(['Build', sf.approvalAction, 'Source'].sort());
    const build = runs.find((r) => r.actionName === 'Build');
    expect(build).toMatchObject({ category: 'Build', provider: 'CodeBuild', status: 'Succeeded' });
    expect(build?.input.artifacts).toEqual(['SourceArtifact']);
    expect(build?.output.externalExecutionUrl).toContain('codebuild');
    expect(build?.logLinks.map((l) => l.label)).toContain('CodeBuild build');
    const approval = runs.find((r) => r.actionName === sf.approvalAction);
    expect(approval?.output.externalExecutionId).toBeUndefined();
    const token = rig.sim.control.waitingApprovals()[0]?.token ?? 'missing';
    expect(JSON.stringify(runs)).not.toContain(token);
  });
});
