import { waitsForApproval, type PipelineHealth } from '../../../../shared/project-health';
import type { Staleness } from '../../../../shared/staleness';
import { pipelineHref } from '../../route-paths';
import { relativeTime } from '../../time';
import { FreshnessNote } from '../dashboard/FreshnessNote';
import { Icon } from '../dashboard/Icon';
import { RunStatusBadge } from '../dashboard/RunStatus';
import { StageStrip } from '../dashboard/StageStrip';
import { DeployActionLinks } from './DeployActionLinks';
import { ExternalLink } from './ExternalLink';

/** Each pipeline with its newest run and a strip of its stages. */
export function PipelinesTile({
  pipelines,
  freshness,
  now,
}: {
  pipelines: PipelineHealth[];
  freshness: Map<string, Staleness>;
  now: number;
}): React.JSX.Element {
  return (
    <section className="tile tile-wide" aria-labelledby="pipelines-title">
      <h2 id="pipelines-title" className="tile-title">
        Pipelines
      </h2>
      {pipelines.length === 0 ? (
        <p className="muted">This project has no pipeline Starboard has read.</p>
      ) : (
        <ul className="tile-list" aria-label="Pipelines">
          {pipelines.map((pipeline) => (
            <PipelineRow
              key={pipeline.resource.id}
              pipeline={pipeline}
              staleness={freshness.get(pipeline.resource.id)}
              now={now}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function PipelineRow({
  pipeline,
  staleness,
  now,
}: {
  pipeline: PipelineHealth;
  staleness: Staleness | undefined;
  now: number;
}): React.JSX.Element {
  const { summary, state } = pipeline.resource.data;
  const execution = pipeline.execution;
  const revision = execution?.sourceRevisions[0];
  return (
    <li className="pipeline" data-testid={`pipeline-${summary.name}`}>
      <div className="row-head">
        <h3 className="row-title">
          <a href={pipelineHref(pipeline.resource.id)}>{summary.name}</a>
        </h3>
        <RunStatusBadge status={pipeline.status} waitingApproval={waitsForApproval(pipeline)} />
        {pipeline.waitingApprovals > 0 && (
          <a className="count count-waiting small" href="#/approvals">
            <Icon name="pause" />
            {pipeline.waitingApprovals} {pipeline.waitingApprovals === 1 ? 'approval' : 'approvals'} waiting
          </a>
        )}
      </div>
      {execution && (
        <p className="row-detail muted small">
          {revision?.revisionId && <code>{revision.revisionId.slice(0, 8)}</code>}
          {revision?.commitMessage && <span className="commit-subject"> {firstLine(revision.commitMessage)}</span>}
          {execution.startTime && (
            <>
              {' · started '}
              <time dateTime={execution.startTime} title={new Date(execution.startTime).toLocaleString()}>
                {relativeTime(execution.startTime, now)}
              </time>
            </>
          )}
          {' · '}
          <a href={pipelineHref(pipeline.resource.id, execution.pipelineExecutionId)}>execution</a>
          {' · '}
          <ExternalLink href={summary.consoleUrl} label={`${summary.name} in the AWS console`}>
            console
          </ExternalLink>
        </p>
      )}
      {state ? (
        <>
          <StageStrip pipeline={summary.name} stages={pipeline.stages} />
          <DeployActionLinks pipeline={pipeline.resource} />
        </>
      ) : (
        <p className="muted small">Stages appear after the first refresh of this pipeline.</p>
      )}
      <FreshnessNote staleness={staleness} now={now} quiet />
    </li>
  );
}

const firstLine = (text: string): string => text.split('\n', 1)[0] ?? '';
