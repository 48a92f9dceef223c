// "Deployed by pipeline X (stage / action), execution Y, commit abc1234
// 'message'": where a CodeDeploy deployment or a deploy target's latest
// revision came from, for a deployment's page or a target's page.
import { useMemo } from 'react';
import {
  deployActions,
  snapshotDeployTargets,
  traceCodeDeployDeployment,
  traceTarget,
  type DeployTrace,
} from '../../../../shared/deploy-trace';
import { enumLabel } from '../../../../shared/pipelines';
import type { AnyResource, Snapshot } from '../../../../shared/snapshot';
import { TimeAgo } from '../dashboard/TimeAgo';
import { pipelineDeployedBy } from '../../../../shared/live-trace';
import { CommitText, DeployedByText } from './DeployedBy';

export type PipelineTraceProps = (
  | {
      /** A CodeDeploy deployment: the pipeline action whose latest run started it. */
      deploymentId: string;
    }
  | {
      /** A deploy target's snapshot resource id: the pipeline action that last ran against it, whatever its outcome. */
      resourceId: string;
    }
) & {
  /** The snapshot's resources (every pipeline and deploy target is looked at). */
  resources: Snapshot['resources'];
  /** The project whose page shows the pipeline; without it the pipeline links to the console. */
  projectId?: string;
  now: number;
};

/** The trace, or nothing when no watched pipeline's latest deploy run leads there. */
export function PipelineTrace(props: PipelineTraceProps): React.JSX.Element | null {
  const { resources } = props;
  const id = 'deploymentId' in props ? props.deploymentId : props.resourceId;
  const byDeployment = 'deploymentId' in props;
  const trace = useMemo((): DeployTrace | undefined => {
    const pipelines = Object.values(resources).filter(
      (r): r is Extract<AnyResource, { kind: 'pipeline' }> => r.kind === 'pipeline',
    );
    const actions = deployActions(pipelines, snapshotDeployTargets(resources));
    return byDeployment ? traceCodeDeployDeployment(id, actions) : traceTarget(id, actions);
  }, [resources, id, byDeployment]);
  if (!trace) return null;
  const succeeded = trace.actionStatus === 'Succeeded';
  return (
    <p className="pipeline-trace" data-testid="pipeline-trace">
      {byDeployment || succeeded ? 'Deployed ' : 'Last deploy '}
      <DeployedByText by={pipelineDeployedBy(trace)} {...(props.projectId ? { projectId: props.projectId } : {})} />
      <span className="muted">
        {' '}
        ({trace.stage} / {trace.action})
      </span>
      {trace.actionStatus !== undefined && !succeeded && (
        <span className="pipeline-trace-status"> · {enumLabel(trace.actionStatus)}</span>
      )}
      {trace.at !== undefined && (
        <span className="muted">
          {' · '}
          <TimeAgo iso={trace.at} now={props.now} />
        </span>
      )}
      {trace.commit ? (
        <span className="pipeline-trace-commit">
          {' · commit '}
          <CommitText commit={trace.commit} />
        </span>
      ) : (
        <span className="muted" title={untracedWhy(trace)}>
          {trace.pipelineExecutionId === undefined ? ' · execution not known' : ' · commit not known'}
        </span>
      )}
    </p>
  );
}

function untracedWhy(trace: DeployTrace): string {
  if (trace.pipelineExecutionId === undefined)
    return 'The pipeline state does not tell which execution this run belonged to.';
  if (trace.executionUrl === undefined) return 'The execution is older than the recent executions Starboard read.';
  return 'The execution names no single source revision.';
}
