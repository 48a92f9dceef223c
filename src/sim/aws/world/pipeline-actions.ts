// What each pipeline action does when it runs: the providers call into the
// rest of the world (a CodeBuild build, a CodeDeploy deployment, a Beanstalk
// update) and report back through `done`.
import type { BeanstalkWorld } from './beanstalk';
import type { CloudFormationWorld } from './cloudformation';
import type { CodeBuildWorld } from './codebuild';
import type { CodeCommitWorld } from './codecommit';
import type { CodeDeployWorld } from './codedeploy';
import { minutes, seconds, type WorldContext } from './context';
import type { EcsWorld } from './ecs';
import { runEcsAction, runStackAction } from './pipeline-deploy-actions';
import type { ActionExecution, ApprovalDecision, Execution, Pipeline, Revision } from './pipeline-model';

export interface ActionWorlds {
  ctx: WorldContext;
  codebuild: CodeBuildWorld;
  codecommit: CodeCommitWorld;
  codedeploy: CodeDeployWorld;
  beanstalk: BeanstalkWorld;
  cloudformation: CloudFormationWorld;
  ecs: EcsWorld;
  /** The scenario's stand-in reviewer: decides an approval, or leaves it waiting. */
  approver: (pipeline: Pipeline, execution: Execution) => ApprovalDecision | undefined;
}

export type ActionDone = (
  status: 'Succeeded' | 'Failed',
  details: { summary?: string; error?: string; by?: string },
) => void;

const defaultApprovalMinutes = 7 * 24 * 60;

export function runAction(
  worlds: ActionWorlds,
  pipeline: Pipeline,
  execution: Execution,
  ae: ActionExecution,
  done: ActionDone,
): void {
  const { ctx } = worlds;
  const { action } = ae;
  const region = ctx.region;
  switch (action.provider) {
    case 'CodeCommit':
    case 'CodeStarSourceConnection': {
      const revision = execution.revisions.find((r) => r.actionName === action.name);
      ae.externalExecutionId = revision?.revisionId ?? '';
      ctx.scheduler.after(ctx.random.int(2, 8) * seconds, () =>
        done('Succeeded', { summary: revision?.summary ?? '' }),
      );
      return;
    }
    case 'CodeBuild': {
      const projectName = action.configuration.ProjectName ?? '';
      const build = worlds.codebuild.start(projectName, {
        initiator: `codepipeline/${pipeline.name}`,
        resolvedSourceVersion: execution.revisions[0]?.revisionId ?? ctx.random.hex(40),
        onComplete: (b) =>
          b.buildStatus === 'SUCCEEDED'
            ? done('Succeeded', {})
            : done('Failed', { error: `Build terminated with state: ${b.buildStatus}` }),
      });
      ae.externalExecutionId = build.id;
      ae.externalExecutionUrl = `https://console.aws.amazon.com/codebuild/home?region=${region}#/builds/${encodeURIComponent(build.id)}/view/new`;
      return;
    }
    case 'Manual': {
      ae.token = ctx.random.uuid();
      pipeline.tokens.set(ae.token, ae);
      const timeout = (action.timeoutInMinutes ?? defaultApprovalMinutes) * minutes;
      ctx.scheduler.after(timeout, () => {
        if (ae.status === 'InProgress')
          done('Failed', { error: 'The approval request expired: no response was received before the timeout.' });
      });
      const decision = worlds.approver(pipeline, execution);
      if (decision) {
        ctx.scheduler.after(decision.afterMs, () => {
          if (ae.status !== 'InProgress') return;
          ae.decided = true;
          done(decision.status === 'Approved' ? 'Succeeded' : 'Failed', { summary: decision.summary, by: decision.by });
        });
      }
      return;
    }
    case 'CodeDeploy': {
      const group = worlds.codedeploy.group(
        action.configuration.ApplicationName ?? '',
        action.configuration.DeploymentGroupName ?? '',
      );
      if (!group) return done('Failed', { error: 'The deployment group does not exist.' });
      const deployment = worlds.codedeploy.deploy(group, {
        viaPipeline: true,
        revision: execution.revisions[0]?.revisionId ?? '',
        onComplete: (d) =>
          d.status === 'Succeeded' ? done('Succeeded', {}) : done('Failed', { error: `Deployment ${d.id} failed` }),
      });
      ae.externalExecutionId = deployment.id;
      ae.externalExecutionUrl = `https://console.aws.amazon.com/codesuite/codedeploy/deployments/${deployment.id}?region=${region}`;
      return;
    }
    case 'ElasticBeanstalk': {
      const env = worlds.beanstalk.environments.get(action.configuration.EnvironmentName ?? '');
      if (!env) return done('Failed', { error: 'The environment does not exist.' });
      const label = `code-pipeline-${execution.id.slice(0, 8)}`;
      worlds.beanstalk.deploy(env, label, (ok) =>
        ok ? done('Succeeded', {}) : done('Failed', { error: 'Update failed' }),
      );
      return;
    }
    case 'CloudFormation':
      return runStackAction(worlds, ae, done);
    case 'ECS':
      return runEcsAction(worlds, ae, done);
    default:
      done('Failed', { error: `The simulator does not run ${action.provider} actions.` });
  }
}

/** The source revisions an execution starts from: branch heads for CodeCommit, a fresh commit for connections. */
export function resolveRevisions(worlds: ActionWorlds, pipeline: Pipeline): Revision[] {
  const { ctx } = worlds;
  const now = ctx.scheduler.now();
  const sources = pipeline.stages[0]?.actions.filter((a) => a.category === 'Source') ?? [];
  return sources.map((action) => {
    const artifactName = action.outputArtifacts[0] ?? 'SourceArtifact';
    const repo = worlds.codecommit.repositories.get(action.configuration.RepositoryName ?? '');
    const head = repo?.commits.get(repo.branches.get(action.configuration.BranchName ?? 'main') ?? '');
    if (repo && head) {
      const url = `https://${ctx.region}.console.aws.amazon.com/codesuite/codecommit/repositories/${repo.name}/commit/${head.commitId}`;
      return {
        actionName: action.name,
        artifactName,
        revisionId: head.commitId,
        summary: head.message,
        created: head.date,
        url,
      };
    }
    const sha = ctx.random.hex(40);
    const repoId = action.configuration.FullRepositoryId ?? '';
    const summary = JSON.stringify({
      ProviderType: 'GitHub',
      CommitMessage: `Update ${repoId.split('/').pop() ?? ''}`,
    });
    return {
      actionName: action.name,
      artifactName,
      revisionId: sha,
      summary,
      created: now,
      url: `https://github.com/${repoId}/commit/${sha}`,
    };
  });
}
