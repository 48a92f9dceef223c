// The head of a workflow run's page: where it sits (Home › project › run),
// what ran (workflow, number, attempt, branch, commit, actor), how it went
// and for how long, with the way to GitHub and the re-run/cancel commands.
import type { GitHubWorkflowRun } from '../../../../shared/github';
import type { RunJobsTarget } from '../../api/github-jobs';
import { projectHref } from '../../routes';
import { durationText, elapsed } from '../../time';
import { GitHubRunBadge } from '../dashboard/GitHubRunBadge';
import { Icon } from '../dashboard/Icon';
import { TimeAgo } from '../dashboard/TimeAgo';
import { ExternalLink } from './ExternalLink';
import { RunActions } from './RunActions';
import './run-detail.css';

export function GitHubBreadcrumb({
  project,
  trail,
}: {
  project: { id: string; name: string } | undefined;
  trail: { label: string; href?: string }[];
}): React.JSX.Element {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb small run-breadcrumb">
      <a href="#/home">
        <Icon name="back" />
        Home
      </a>
      {project && (
        <>
          <span aria-hidden="true">/</span>
          <a href={projectHref(project.id)}>{project.name}</a>
        </>
      )}
      {trail.map((step) => (
        <span key={step.label} className="run-breadcrumb-step">
          <span aria-hidden="true">/</span>
          {step.href === undefined ? <span>{step.label}</span> : <a href={step.href}>{step.label}</a>}
        </span>
      ))}
    </nav>
  );
}

/** The run as the snapshot knows it; only its id and GitHub link when the snapshot no longer holds it. */
export function RunDetailHeader({
  run,
  target,
  runUrl,
  now,
}: {
  run: GitHubWorkflowRun | undefined;
  target: RunJobsTarget;
  runUrl: string | undefined;
  now: number;
}): React.JSX.Element {
  if (!run)
    return (
      <header className="page-header run-header">
        <h1 id="run-title">
          Run {target.runId} <span className="muted run-repository">{target.repository}</span>
        </h1>
        {runUrl !== undefined && <ExternalLink href={runUrl}>Open on GitHub</ExternalLink>}
      </header>
    );
  const started = run.startedAt ?? run.createdAt;
  const ran = run.durationMs ?? (run.status === 'completed' ? undefined : elapsed(started, undefined, now));
  return (
    <header className="page-header run-header">
      <div className="run-title-row">
        <GitHubRunBadge run={run} />
        <h1 id="run-title">
          {run.name} #{run.runNumber}
          {run.attempt > 1 && <span className="run-attempt muted"> attempt {run.attempt}</span>}
        </h1>
        <ExternalLink href={run.htmlUrl} className="button button-small run-github" label="Open on GitHub">
          Open on GitHub
        </ExternalLink>
      </div>
      <p className="run-commit-title">{run.title}</p>
      <dl className="run-facts small">
        <div>
          <dt>Repository</dt>
          <dd>{target.repository}</dd>
        </div>
        {run.branch && (
          <div>
            <dt>Branch</dt>
            <dd>
              <span className="branch">{run.branch}</span>
            </dd>
          </div>
        )}
        <div>
          <dt>Commit</dt>
          <dd>
            <code>{run.headSha.slice(0, 7)}</code>
          </dd>
        </div>
        <div>
          <dt>Trigger</dt>
          <dd>{run.event.replace(/_/g, ' ')}</dd>
        </div>
        {run.actor && (
          <div>
            <dt>Actor</dt>
            <dd>
              {run.triggeringActor && run.triggeringActor !== run.actor ? `${run.triggeringActor} (re-run)` : run.actor}
            </dd>
          </div>
        )}
        <div>
          <dt>Started</dt>
          <dd>
            <TimeAgo iso={started} now={now} />
          </dd>
        </div>
        {ran !== undefined && (
          <div>
            <dt>Duration</dt>
            <dd>{durationText(ran)}</dd>
          </div>
        )}
      </dl>
      <RunActions run={run} target={target} />
    </header>
  );
}
