// What put the live revision of an environment there, and which commit it
// is: a pipeline execution (deploy-trace.ts), a GitHub workflow run, or who
// CodeDeploy says created the deployment. Claims only what the snapshot shows.
import type { CodeDeployDeployment } from './deployments';
import {
  traceCodeDeployDeployment,
  traceTarget,
  type DeployAction,
  type DeployTrace,
  type PipelineRef,
  type TracedCommit,
} from './deploy-trace';
import type { GitHubEnvironmentDeployments, GitHubRepositoryRead } from './github';

export type DeployedBy =
  | {
      kind: 'pipeline';
      pipeline: PipelineRef;
      stage: string;
      action: string;
      executionId?: string;
      /** The execution's console page. */
      executionUrl?: string;
    }
  | {
      kind: 'workflow-run';
      runId: number;
      /** The run's page on GitHub. */
      url: string;
      /** The watched repository it ran in (the account's key and owner/repo), for Starboard's run page. */
      accountKey: string;
      repository: string;
      name?: string;
      runNumber?: number;
    }
  /** CodeDeploy's creator ("user", "autoscaling", "codeDeployRollback"…) or a GitHub login; `label` as shown. */
  | { kind: 'creator'; creator: string; label: string };

export interface LiveTrace {
  deployedBy?: DeployedBy;
  commit?: TracedCommit;
}

export function pipelineDeployedBy(trace: DeployTrace): DeployedBy {
  return {
    kind: 'pipeline',
    pipeline: trace.pipeline,
    stage: trace.stage,
    action: trace.action,
    ...(trace.pipelineExecutionId !== undefined ? { executionId: trace.pipelineExecutionId } : {}),
    ...(trace.executionUrl !== undefined ? { executionUrl: trace.executionUrl } : {}),
  };
}

const fromTrace = (trace: DeployTrace): LiveTrace => ({
  deployedBy: pipelineDeployedBy(trace),
  ...(trace.commit ? { commit: trace.commit } : {}),
});

const creatorLabels: Record<string, string> = {
  user: 'user',
  autoscaling: 'Auto Scaling',
  codeDeployRollback: 'rollback',
  CodeDeployAutoUpdate: 'CodeDeploy auto-update',
  CloudFormationRollback: 'CloudFormation rollback',
};

/**
 * The live CodeDeploy deployment: the pipeline run that started it, else its
 * creator, unless some pipeline deploys to the group (then an older run of it
 * may have started the deployment, and "user" would be a guess).
 */
export function codeDeployLiveTrace(
  groupResourceId: string,
  deployment: Pick<CodeDeployDeployment, 'id' | 'creator' | 'revision'> | undefined,
  actions: readonly DeployAction[],
): LiveTrace {
  if (!deployment) return {};
  const trace = traceCodeDeployDeployment(deployment.id, actions);
  if (trace) return fromTrace(trace);
  const commitId = deployment.revision?.commitId;
  const commit = commitId !== undefined && commitId !== '' ? { commit: { id: commitId } } : {};
  const piped = actions.some((a) => a.resourceId === groupResourceId);
  if (piped || deployment.creator === undefined || deployment.creator === '') return commit;
  const label = creatorLabels[deployment.creator] ?? deployment.creator;
  return { deployedBy: { kind: 'creator', creator: deployment.creator, label }, ...commit };
}

/** A change of the target this long after the action's last status change was not the action's. */
const laterChangeMs = 10 * 60 * 1000;

/**
 * Beanstalk, CloudFormation, ECS: the pipeline action that last deployed
 * here, when that run succeeded and the target has not changed since.
 */
export function targetLiveTrace(
  resourceId: string,
  deployedAt: string | undefined,
  actions: readonly DeployAction[],
): LiveTrace {
  const trace = traceTarget(resourceId, actions);
  if (!trace || trace.actionStatus !== 'Succeeded') return {};
  if (
    deployedAt !== undefined &&
    trace.at !== undefined &&
    Date.parse(deployedAt) - Date.parse(trace.at) > laterChangeMs
  )
    return {};
  return fromTrace(trace);
}

const runIdIn = (url: string | undefined): number | undefined => {
  const id = url === undefined ? undefined : /\/actions\/runs\/(\d{1,16})(?:[/?#]|$)/.exec(url)?.[1];
  return id === undefined ? undefined : Number(id);
};

/**
 * A GitHub environment: the live sha is the commit; the workflow run that
 * deployed it, when a status of the live deployment points at one (only the
 * newest deployment's statuses are read), else the deployment's creator.
 */
export function githubLiveTrace(read: GitHubRepositoryRead, env: GitHubEnvironmentDeployments): LiveTrace {
  const { live, latest } = env;
  if (!live) return {};
  const deployment = latest?.id === live.deploymentId ? latest : undefined;
  const runId = deployment?.statuses.map((s) => runIdIn(s.targetUrl)).find((id) => id !== undefined);
  const run = runId === undefined ? undefined : read.runs.find((r) => r.id === runId);
  const subject =
    read.commits.find((c) => c.sha === live.sha)?.subject ??
    (run && run.headSha === live.sha && run.event === 'push' ? run.title : undefined);
  const commit: TracedCommit = { id: live.sha, ...(subject !== undefined ? { message: subject } : {}) };
  const url = deployment?.statuses.find((s) => runIdIn(s.targetUrl) === runId)?.targetUrl;
  if (runId !== undefined && url !== undefined)
    return {
      commit,
      deployedBy: {
        kind: 'workflow-run',
        runId,
        url: run?.htmlUrl ?? url,
        accountKey: read.accountKey,
        repository: read.fullName,
        ...(run ? { name: run.name, runNumber: run.runNumber } : {}),
      },
    };
  const creator = deployment?.creator;
  return creator ? { commit, deployedBy: { kind: 'creator', creator, label: creator } } : { commit };
}
