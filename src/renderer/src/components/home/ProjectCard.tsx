import { hasRuns, projectWaitsForApproval, waitsForApproval } from '../../../../shared/project-health';
import type { ProjectView } from '../../../../shared/projects';
import type { ProjectStatus } from '../../api/dashboard';
import { projectHref } from '../../routes';
import { FreshnessNote } from '../dashboard/FreshnessNote';
import { GitHubRunBadge } from '../dashboard/GitHubRunBadge';
import { Icon } from '../dashboard/Icon';
import { buildStatusWord, RunStatusBadge } from '../dashboard/RunStatus';
import { StageDots } from '../dashboard/StageStrip';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * One confirmed project at a glance: its pipelines' latest runs, each build
 * project's latest build, each GitHub workflow's latest run on the default
 * branch, open pull requests and approvals waiting. No nested
 * lists, so the Projects list reads as one item per project.
 */
export function ProjectCard({
  project,
  status,
  now,
}: {
  project: ProjectView;
  status: ProjectStatus | undefined;
  now: number;
}): React.JSX.Element {
  const health = status?.health;
  const empty = health && !hasRuns(health);
  return (
    <li className="card project-card" data-testid={`project-${project.id}`}>
      <div className="project-card-head">
        <h2>
          <a href={projectHref(project.id)} className="card-link">
            {project.name}
          </a>
        </h2>
        {health && !empty && (
          <RunStatusBadge status={health.overall} waitingApproval={projectWaitsForApproval(health)} />
        )}
      </div>
      {!status && <p className="muted small">Loading status…</p>}
      {empty && (
        <p className="muted small">
          {plural(project.members.length, 'member', 'members')}; no pipeline, build or workflow run read yet.
        </p>
      )}
      {health && !empty && (
        <dl className="health">
          {health.pipelines.map((p) => (
            <div key={p.resource.id} className="health-row">
              <dt title={p.resource.data.summary.name}>{p.resource.data.summary.name}</dt>
              <dd>
                <RunStatusBadge status={p.status} waitingApproval={waitsForApproval(p)} />
              </dd>
              {p.stages.length > 0 && (
                <dd className="health-stages">
                  <StageDots pipeline={p.resource.data.summary.name} stages={p.stages} />
                </dd>
              )}
            </div>
          ))}
          {health.builds.map((b) => (
            <div key={b.arn} className="health-row">
              <dt title={b.project}>{b.project}</dt>
              <dd>
                {b.latest.data.number !== undefined && <span className="muted small">#{b.latest.data.number}</span>}
                <RunStatusBadge status={b.status} label={buildStatusWord(b.latest.data)} />
              </dd>
            </div>
          ))}
          {health.workflows.map((w) => {
            const name = `${w.resource.data.repository?.name ?? w.resource.data.fullName} · ${w.name}`;
            return (
              <div key={`${w.resource.id}:${w.workflowId}`} className="health-row">
                <dt title={`${w.resource.data.fullName} · ${w.name} on ${w.latest.branch ?? 'its default branch'}`}>
                  {name}
                </dt>
                <dd>
                  <span className="muted small">#{w.latest.runNumber}</span>
                  <GitHubRunBadge run={w.latest} />
                </dd>
              </div>
            );
          })}
        </dl>
      )}
      {health && (health.openPullRequests > 0 || health.approvalsWaiting > 0) && (
        <p className="project-card-counts small">
          {health.approvalsWaiting > 0 && (
            <span className="count count-waiting">
              <Icon name="pause" />
              {plural(health.approvalsWaiting, 'approval', 'approvals')} waiting
            </span>
          )}
          {health.openPullRequests > 0 && (
            <span className="count">
              <Icon name="pull-request" />
              {plural(health.openPullRequests, 'open pull request', 'open pull requests')}
            </span>
          )}
        </p>
      )}
      <FreshnessNote staleness={status?.overall} now={now} quiet />
    </li>
  );
}
