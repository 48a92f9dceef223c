import { waitingEnvironments } from '../../../../shared/github-health';
import type { GitHubWorkflowRun } from '../../../../shared/github';
import type { SnapshotResource } from '../../../../shared/snapshot';
import type { Staleness } from '../../../../shared/staleness';
import { durationText, elapsed } from '../../time';
import { FreshnessNote } from '../dashboard/FreshnessNote';
import { Icon } from '../dashboard/Icon';
import { GitHubRunBadge } from '../dashboard/GitHubRunBadge';
import { TimeAgo } from '../dashboard/TimeAgo';
import type { RunTarget } from '../../api/github-runs';
import { runHref } from '../../routes';
import { ExternalLink } from './ExternalLink';
import { RunActions } from './RunActions';
import './run-detail.css';

/** How many runs each repository shows (runs waiting for review are shown even when older). */
const perRepository = 8;

/** GitHub Actions: each repository's recent workflow runs, those waiting for review marked. */
export function ActionsTile({
  repositories,
  freshness,
  now,
}: {
  repositories: SnapshotResource<'github-repository'>[];
  freshness: Map<string, Staleness>;
  now: number;
}): React.JSX.Element {
  return (
    <section className="tile" aria-labelledby="actions-title">
      <h2 id="actions-title" className="tile-title">
        Actions
      </h2>
      {repositories.map((resource) => (
        <RepositoryRuns key={resource.id} resource={resource} staleness={freshness.get(resource.id)} now={now} />
      ))}
    </section>
  );
}

function RepositoryRuns({
  resource,
  staleness,
  now,
}: {
  resource: SnapshotResource<'github-repository'>;
  staleness: Staleness | undefined;
  now: number;
}): React.JSX.Element {
  const read = resource.data;
  const waiting = waitingEnvironments(read);
  const recent = read.runs.slice(0, perRepository);
  const older = read.waiting.map((w) => w.run).filter((run) => !recent.some((r) => r.id === run.id));
  const runs = [...older, ...recent];
  return (
    <div className="repository" data-testid={`actions-${read.fullName}`}>
      <h3 className="row-title">{read.fullName}</h3>
      {runs.length === 0 ? (
        <p className="muted small">No workflow runs yet.</p>
      ) : (
        <ul className="gh-runs" aria-label={`Recent workflow runs of ${read.fullName}`}>
          {runs.map((run) => (
            <RunRow
              key={run.id}
              run={run}
              waitingFor={waiting.get(run.id)}
              now={now}
              target={{ accountKey: read.accountKey, repository: read.fullName, runId: run.id }}
            />
          ))}
        </ul>
      )}
      <FreshnessNote staleness={staleness} now={now} quiet />
    </div>
  );
}

function RunRow({
  run,
  waitingFor,
  now,
  target,
}: {
  run: GitHubWorkflowRun;
  waitingFor: string[] | undefined;
  now: number;
  target: RunTarget;
}): React.JSX.Element {
  const started = run.startedAt ?? run.createdAt;
  const ran = run.durationMs ?? (run.status === 'completed' ? undefined : elapsed(started, undefined, now));
  return (
    <li className={`gh-run${waitingFor ? ' gh-run-waiting' : ''}`}>
      <div className="gh-run-head">
        <GitHubRunBadge run={run} />
        <ExternalLink href={run.htmlUrl} className="gh-run-name" label={`${run.name} run ${run.runNumber} on GitHub`}>
          {run.name} #{run.runNumber}
        </ExternalLink>
        <span className="gh-run-title" title={run.title}>
          {run.title}
        </span>
      </div>
      <p className="gh-run-detail muted small">
        {run.branch && <span className="branch">{run.branch}</span>}
        <span>{run.event.replace(/_/g, ' ')}</span>
        {run.actor && <span>{run.actor}</span>}
        {ran !== undefined && <span>{durationText(ran)}</span>}
        <span>
          started <TimeAgo iso={started} now={now} />
        </span>
      </p>
      <span className="gh-run-links">
        <a
          className="button button-small"
          href={runHref(target)}
          aria-label={`Jobs and logs of ${run.name} #${run.runNumber}`}
        >
          Details
        </a>
        <RunActions run={run} target={target} />
      </span>
      {waitingFor && (
        <a className="count count-waiting small" href="#/approvals">
          <Icon name="pause" />
          Waiting for review: {waitingFor.join(', ')}
        </a>
      )}
    </li>
  );
}
