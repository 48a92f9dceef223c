// #/pipelines/<id>[?execution=<id>]: one pipeline — its status and commands,
// the stage/action graph of what runs now, the execution history, and the
// action runs of the execution the user opened.
import { useMemo } from 'react';
import { useDashboardData } from '../api/dashboard';
import { BackLink } from '../components/BackLink';
import { FreshnessNote } from '../components/dashboard/FreshnessNote';
import { Icon } from '../components/dashboard/Icon';
import { RunStatusBadge } from '../components/dashboard/RunStatus';
import { useNow } from '../components/dashboard/use-now';
import { CopyButton } from '../components/deployments/CopyButton';
import { ActionRuns } from '../components/pipelines/ActionRuns';
import { ExecutionHistory } from '../components/pipelines/ExecutionHistory';
import { ReleaseChangeButton, StopExecutionButton } from '../components/pipelines/PipelineCommands';
import { stoppableExecution } from '../components/pipelines/pipeline-detail';
import { StageGraph } from '../components/pipelines/StageGraph';
import { ExternalLink } from '../components/project/ExternalLink';
import { QueryError } from '../components/QueryError';
import { pipelineHealth } from '../../../shared/project-health';
import { projectHolding } from '../../../shared/project-resources';
import { resourceStaleness } from '../../../shared/staleness';
import { projectHref } from '../routes';
import '../components/pipelines/pipelines.css';

export function PipelinePage({
  resourceId,
  executionId,
}: {
  resourceId: string;
  executionId?: string;
  line?: number;
}): React.JSX.Element {
  const { projects, snapshot, refresh } = useDashboardData();
  const now = useNow();
  const found = snapshot.data?.resources[resourceId];
  const resource = found?.kind === 'pipeline' ? found : undefined;
  const health = useMemo(() => (resource ? pipelineHealth(resource) : undefined), [resource]);
  const projectId = resource && projects.data ? projectHolding(resource, projects.data.projects) : undefined;
  const project = projects.data?.projects.find((p) => p.id === projectId);

  if (snapshot.error) {
    return (
      <section aria-labelledby="page-title">
        <BackLink href="#/pipelines" label="Pipelines" />
        <h1 id="page-title">Pipeline</h1>
        <QueryError error={snapshot.error} what="the latest status" />
      </section>
    );
  }
  if (!snapshot.data) {
    return (
      <section aria-labelledby="page-title">
        <BackLink href="#/pipelines" label="Pipelines" />
        <h1 id="page-title">Pipeline</h1>
        <p className="muted">Loading…</p>
      </section>
    );
  }
  if (!resource || !health) {
    return (
      <section aria-labelledby="page-title">
        <BackLink href="#/pipelines" label="Pipelines" />
        <h1 id="page-title">Pipeline not found</h1>
        <p className="muted">
          Starboard does not read this pipeline (any more): it may have been deleted, or its account removed.{' '}
          <a href="#/pipelines">See every pipeline</a>.
        </p>
      </section>
    );
  }

  const { summary, executions } = resource.data;
  const stoppable = stoppableExecution(resource);
  const staleness = resourceStaleness(resource, snapshot.data, refresh.data, now);
  return (
    <section aria-labelledby="page-title" className="pipeline-page">
      <BackLink href="#/pipelines" label="Pipelines" />
      <header className="pipeline-header">
        <div className="pipeline-header-title">
          <h1 id="page-title">{summary.name}</h1>
          <RunStatusBadge status={health.status} />
          {health.waitingApprovals > 0 && (
            <a className="count count-waiting small" href="#/approvals">
              <Icon name="pause" />
              {health.waitingApprovals} {health.waitingApprovals === 1 ? 'approval' : 'approvals'} waiting
            </a>
          )}
        </div>
        <p className="muted small pipeline-header-facts">
          {project ? <a href={projectHref(project.id)}>{project.name}</a> : 'No project'}
          {' · '}
          {summary.location.accountId} · {summary.location.region}
          {summary.pipelineType !== undefined &&
            ` · ${typeof summary.pipelineType === 'string' ? summary.pipelineType : summary.pipelineType.unknown}`}
          {' · '}
          <ExternalLink href={summary.consoleUrl} label={`${summary.name} in the AWS console`}>
            Open in AWS console
          </ExternalLink>
        </p>
        <div className="pipeline-header-actions">
          <ReleaseChangeButton pipelineId={resource.id} name={summary.name} />
          {stoppable && (
            <StopExecutionButton
              key={stoppable.pipelineExecutionId}
              pipelineId={resource.id}
              name={summary.name}
              execution={stoppable}
            />
          )}
          <CopyButton value={summary.arn} label="Copy ARN" />
        </div>
        <FreshnessNote staleness={staleness} now={now} />
      </header>

      <section className="tile pipeline-section" aria-labelledby="stages-title">
        <h2 id="stages-title" className="tile-title">
          Stages
        </h2>
        <StageGraph resource={resource} snapshot={snapshot.data} now={now} />
      </section>

      <section className="tile pipeline-section" aria-labelledby="history-title">
        <h2 id="history-title" className="tile-title">
          Execution history
        </h2>
        <ExecutionHistory pipelineId={resource.id} executions={executions} selected={executionId} now={now} />
        {executionId === undefined && (executions?.length ?? 0) > 0 && (
          <p className="muted small">Choose an execution to see its action runs, with their logs.</p>
        )}
      </section>

      {executionId !== undefined && (
        <ActionRuns
          key={executionId}
          resource={resource}
          snapshot={snapshot.data}
          executionId={executionId}
          now={now}
        />
      )}
    </section>
  );
}
