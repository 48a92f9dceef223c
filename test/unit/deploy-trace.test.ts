// Tracing a deploy target back to the pipeline run and the commit that put
// its revision there: which action names which target, which execution its
// latest run belongs to, and what stays unsaid when the snapshot cannot tell.
import { describe, expect, it } from 'vitest';
import {
  actionTarget,
  deployActions,
  executionCommit,
  runExecutionId,
  snapshotDeployTargets,
  traceCodeDeployDeployment,
  traceTarget,
  type DeployTargets,
} from '../../src/shared/deploy-trace';
import type { ActionDetail } from '../../src/shared/pipelines';
import {
  beanstalkEnvironment,
  cloudFormationStack,
  codeDeployGroup,
  ecsService,
} from '../support/deploy-target-builders';
import { action, at, execution, location, pipeline, stage } from '../support/snapshot-builders';

const deploy = (
  name: string,
  provider: string,
  configuration: Record<string, string>,
  extra: Partial<ActionDetail> = {},
) => action(name, 'Succeeded', { category: 'Deploy', provider, configuration, lastStatusChange: at(40), ...extra });

const prod = codeDeployGroup('shop-prod');
const targets: DeployTargets = {
  codedeployGroups: [prod],
  beanstalkEnvironments: [beanstalkEnvironment('api-prod')],
  cloudformationStacks: [cloudFormationStack('shop-infra')],
  ecsServices: [ecsService('web-prod')],
};
const codeDeploy = (extra: Partial<ActionDetail> = {}) =>
  deploy('Deploy', 'CodeDeploy', { ApplicationName: 'shop', DeploymentGroupName: 'shop-prod' }, extra);

describe('deploy actions and their targets', () => {
  it('matches each provider’s action to its target resource, and traces its run to the commit', () => {
    const web = pipeline({
      stages: [
        stage('Source', 'e-2', 'Succeeded', [action('Source', 'Succeeded', { category: 'Source' })]),
        stage('Deploy', 'e-2', 'Succeeded', [
          codeDeploy({ externalExecutionId: 'd-ABC' }),
          deploy('Api', 'ElasticBeanstalk', { ApplicationName: 'api', EnvironmentName: 'api-prod' }),
          deploy('Infra', 'CloudFormation', { StackName: 'shop-infra' }),
          // A cluster may be named by its ARN.
          deploy('Web', 'ECS', {
            ClusterName: 'arn:aws:ecs:eu-west-1:111122223333:cluster/web',
            ServiceName: 'web-prod',
          }),
        ]),
      ],
      executions: [
        execution('e-2', 'Succeeded', 30, {
          sourceRevisions: [
            {
              actionName: 'Source',
              revisionId: 'abc1234def',
              commitMessage: 'Fix the cart\n\nLonger body',
              revisionUrl: 'https://github.com/acme/shop/commit/abc1234def',
              providerType: 'GitHub',
            },
          ],
        }),
      ],
    });
    const actions = deployActions([web], targets);
    expect(actions.map((a) => [a.action, a.target.kind, a.resourceId])).toEqual([
      ['Deploy', 'codedeploy', prod.id],
      ['Api', 'beanstalk', targets.beanstalkEnvironments[0]?.id],
      ['Infra', 'cloudformation', targets.cloudformationStacks[0]?.id],
      ['Web', 'ecs', targets.ecsServices[0]?.id],
    ]);
    expect(traceCodeDeployDeployment('d-ABC', actions)).toMatchObject({
      pipeline: { name: 'web', resourceId: web.id, location },
      stage: 'Deploy',
      action: 'Deploy',
      provider: 'CodeDeploy',
      pipelineExecutionId: 'e-2',
      executionUrl: expect.stringContaining('/executions/e-2') as unknown,
      actionStatus: 'Succeeded',
      at: at(40),
      commit: {
        id: 'abc1234def',
        message: 'Fix the cart\n\nLonger body',
        url: 'https://github.com/acme/shop/commit/abc1234def',
        provider: 'GitHub',
      },
    });
    expect(traceTarget(targets.beanstalkEnvironments[0]?.id ?? '', actions)?.action).toBe('Api');
  });

  it('does not match a target of the same name in another region or account', () => {
    const elsewhere: DeployTargets = {
      ...targets,
      codedeployGroups: [
        codeDeployGroup('shop-prod', [], { ...location, region: 'us-east-1' }),
        codeDeployGroup('shop-prod', [], { ...location, accountId: '444455556666' }),
      ],
    };
    const actions = deployActions(
      [pipeline({ stages: [stage('Deploy', 'e-1', 'Succeeded', [codeDeploy()])] })],
      elsewhere,
    );
    expect(actions).toHaveLength(1);
    expect(actions[0]?.resourceId).toBeUndefined();
    expect(actions[0]?.target).toEqual({ kind: 'codedeploy', application: 'shop', group: 'shop-prod' });
  });

  it('knows no execution for an action that never ran', () => {
    const never = codeDeploy({ lastStatusChange: undefined });
    delete never.status;
    const actions = deployActions(
      [pipeline({ stages: [{ name: 'Deploy', inboundExecutions: [], actions: [never] }] })],
      targets,
    );
    const trace = traceTarget(prod.id, actions);
    expect(trace?.pipelineExecutionId).toBeUndefined();
    expect(trace?.actionStatus).toBeUndefined();
    expect(trace?.commit).toBeUndefined();
  });

  it('leaves the commit out when the execution is not among the listed ones', () => {
    const web = pipeline({
      stages: [stage('Deploy', 'e-old', 'Succeeded', [codeDeploy({ externalExecutionId: 'd-1' })])],
      executions: [execution('e-new', 'InProgress', 50)],
    });
    const trace = traceCodeDeployDeployment('d-1', deployActions([web], targets));
    expect(trace?.pipelineExecutionId).toBe('e-old');
    expect(trace?.executionUrl).toBeUndefined();
    expect(trace?.commit).toBeUndefined();
  });

  it('does not tie a later action’s run to an execution that failed before reaching it', () => {
    const first = deploy('Migrate', 'CloudFormation', { StackName: 'shop-infra' }, { status: 'Failed', runOrder: 1 });
    const second = codeDeploy({ runOrder: 2, externalExecutionId: 'd-old' });
    const failed = stage('Deploy', 'e-3', 'Failed', [first, second]);
    expect(runExecutionId(failed, first)).toBe('e-3');
    expect(runExecutionId(failed, second)).toBeUndefined();
    expect(runExecutionId(stage('Deploy', 'e-3', 'Succeeded', [first, second]), second)).toBe('e-3');
    const trace = traceCodeDeployDeployment(
      'd-old',
      deployActions([pipeline({ stages: [failed], executions: [execution('e-3', 'Failed', 30)] })], targets),
    );
    expect(trace?.pipelineExecutionId).toBeUndefined();
    expect(trace?.commit).toBeUndefined();
  });

  it('names an S3 deploy action’s bucket and key, with no resource', () => {
    const s3 = deploy('Publish', 'S3', { BucketName: 'acme-site', ObjectKey: 'site.zip' });
    expect(actionTarget(s3)).toEqual({ kind: 's3', bucket: 'acme-site', key: 'site.zip' });
    expect(actionTarget(deploy('Old', 'S3', { S3Bucket: 'acme-site' }))).toEqual({ kind: 's3', bucket: 'acme-site' });
    const actions = deployActions([pipeline({ stages: [stage('Deploy', 'e-1', 'Succeeded', [s3])] })], targets);
    expect(actions[0]?.resourceId).toBeUndefined();
  });

  it('keeps an unknown provider, or one without the names it needs, as unknown; ignores other categories', () => {
    expect(actionTarget(deploy('Fn', 'Lambda', { FunctionName: 'f' }))).toEqual({
      kind: 'unknown',
      provider: 'Lambda',
    });
    expect(actionTarget(deploy('Half', 'CodeDeploy', { ApplicationName: 'shop' }))).toEqual({
      kind: 'unknown',
      provider: 'CodeDeploy',
    });
    // A CloudFormation action that only prepares a change set does not change the stack.
    const plan = { StackName: 'shop-infra', ActionMode: 'CHANGE_SET_REPLACE' };
    expect(actionTarget(deploy('Plan', 'CloudFormation', plan)).kind).toBe('unknown');
    const execute = { StackName: 'shop-infra', ActionMode: 'CHANGE_SET_EXECUTE' };
    expect(actionTarget(deploy('Apply', 'CloudFormation', execute))).toEqual({
      kind: 'cloudformation',
      stack: 'shop-infra',
    });
    const build = action('Build', 'Succeeded', { category: 'Build', provider: 'CodeBuild', configuration: {} });
    expect(deployActions([pipeline({ stages: [stage('Build', 'e-1', 'Succeeded', [build])] })], targets)).toEqual([]);
  });

  it('traces a target to the pipeline that deployed there last, and a deployment no pipeline started to nothing', () => {
    const older = pipeline({
      name: 'old',
      stages: [stage('Deploy', 'o-1', 'Succeeded', [codeDeploy({ lastStatusChange: at(10) })])],
    });
    const newer = pipeline({
      name: 'new',
      stages: [stage('Deploy', 'n-1', 'Succeeded', [codeDeploy({ lastStatusChange: at(50) })])],
    });
    const actions = deployActions([older, newer], targets);
    expect(traceTarget(prod.id, actions)?.pipeline.name).toBe('new');
    expect(traceCodeDeployDeployment('d-manual', actions)).toBeUndefined();
    expect(traceTarget('codedeploy-group:elsewhere', actions)).toBeUndefined();
  });

  it('names no commit for an execution with several sources', () => {
    const e = execution('e-1', 'Succeeded', 0, {
      sourceRevisions: [
        { actionName: 'App', revisionId: 'a1' },
        { actionName: 'Config', revisionId: 'b2' },
      ],
    });
    expect(executionCommit(e)).toBeUndefined();
    expect(executionCommit(execution('e-2', 'Succeeded', 0))).toEqual({ id: 'c-e-2', message: 'commit for e-2' });
  });

  it('collects the deploy targets of a snapshot', () => {
    const found = snapshotDeployTargets({
      [prod.id]: prod,
      [targets.ecsServices[0]?.id ?? '']: ecsService('web-prod'),
    });
    expect(found.codedeployGroups.map((r) => r.id)).toEqual([prod.id]);
    expect(found.ecsServices).toHaveLength(1);
    expect(found.beanstalkEnvironments).toEqual([]);
  });
});
