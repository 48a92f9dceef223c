import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useClient } from '../api/client';
import { projectStatus, useDashboardData } from '../api/dashboard';
import { useProjectEdit } from '../api/projects';
import { approvalsOptions } from '../api/queries';
import { ActivityFeed } from '../components/dashboard/ActivityFeed';
import { FreshnessNote } from '../components/dashboard/FreshnessNote';
import { BackLink } from '../components/BackLink';
import { RunStatusBadge } from '../components/dashboard/RunStatus';
import { useNow } from '../components/dashboard/use-now';
import { WatchRepositoriesButton } from '../components/github/WatchRepositoriesButton';
import { memberSummary } from '../components/home/ProposedProjects';
import { ActionsTile } from '../components/project/ActionsTile';
import { ApprovalsTile } from '../components/project/ApprovalsTile';
import { BuildsTile } from '../components/project/BuildsTile';
import { DeploymentsTile } from '../components/project/DeploymentsTile';
import { EnvironmentsTile } from '../components/project/EnvironmentsTile';
import { PipelinesTile } from '../components/project/PipelinesTile';
import { RepositoryTile } from '../components/project/RepositoryTile';
import { TileLayout, type TileContents } from '../components/project/TileLayout';
import { useTileLayout } from '../components/project/use-tile-layout';
import { QueryError } from '../components/QueryError';
import { environmentMatrix } from '../../../shared/environments';
import { hasRuns, projectWaitsForApproval } from '../../../shared/project-health';
import { memberRefOf } from '../../../shared/project-resources';
import type { ProjectMember, ProjectView } from '../../../shared/projects';
import type { AnyResource } from '../../../shared/snapshot';
import { combinedStaleness, resourceStaleness } from '../../../shared/staleness';

/** One project (#/projects/<id>): pipelines, builds, Actions, environments, repositories and activity, each with its freshness. */
export function ProjectPage({ projectId }: { projectId: string }): React.JSX.Element {
  const { projects, snapshot, activity, refresh, index } = useDashboardData();
  const client = useClient();
  const approvals = useQuery(approvalsOptions(client));
  const tileLayout = useTileLayout(projectId);
  const [editing, setEditing] = useState(false);
  const now = useNow();
  const project = useMemo(
    () =>
      projects.data?.projects.find((p) => p.id === projectId) ??
      projects.data?.dismissed.find((p) => p.id === projectId),
    [projects.data, projectId],
  );
  const events = useMemo(
    () => activity.data?.filter((event) => event.projects.includes(projectId)) ?? [],
    [activity.data, projectId],
  );
  const waiting = useMemo(
    () => approvals.data?.filter((a) => a.projectId === projectId) ?? [],
    [approvals.data, projectId],
  );

  if (projects.error) return <QueryError error={projects.error} what="your projects" />;
  if (!projects.data) return <p className="muted">Loading…</p>;
  if (!project)
    return (
      <section aria-labelledby="project-title">
        <BackLink href="#/home" label="Home" />
        <h1 id="project-title">Project not found</h1>
        <p className="muted">
          There is no project <code>{projectId}</code> in this workspace: it may have been merged, or belong to another
          workspace. <a href="#/home">Back to Home</a>
        </p>
      </section>
    );

  const status = snapshot.data && index ? projectStatus(project, snapshot.data, index, refresh.data, now) : undefined;
  const github = status?.resources.githubRepositories ?? [];
  const withEnvironments = github.filter((r) => r.data.environments.length > 0);

  const tiles: TileContents = {};
  if (status) {
    const { health, freshness, resources } = status;
    if (health.pipelines.length > 0 || github.length === 0)
      tiles.pipelines = <PipelinesTile pipelines={health.pipelines} freshness={freshness} now={now} />;
    if (health.builds.length > 0 || github.length === 0)
      tiles.builds = <BuildsTile projects={health.builds} freshness={freshness} now={now} />;
    if (github.length > 0) tiles.actions = <ActionsTile repositories={github} freshness={freshness} now={now} />;
    // AWS deploy targets; GitHub's environments have their own tile.
    const matrix = environmentMatrix({ ...resources, githubRepositories: [] });
    if (matrix.rows.length > 0) {
      const deployed = [
        ...resources.codedeployGroups,
        ...resources.beanstalkEnvironments,
        ...resources.cloudformationStacks,
        ...resources.ecsServices,
      ];
      const staleness = snapshot.data
        ? combinedStaleness(deployed.map((r) => resourceStaleness(r, snapshot.data, refresh.data, now)))
        : undefined;
      tiles.deployments = <DeploymentsTile matrix={matrix} staleness={staleness} now={now} />;
    }
    tiles.repository = (
      <RepositoryTile
        repositories={resources.repositories}
        github={github}
        unread={unreadRepositories(project, [...resources.repositories, ...github])}
        freshness={freshness}
        now={now}
      />
    );
    if (withEnvironments.length > 0)
      tiles.environments = <EnvironmentsTile repositories={withEnvironments} freshness={freshness} now={now} />;
    if (waiting.length > 0) tiles.approvals = <ApprovalsTile approvals={waiting} now={now} />;
    tiles.activity = (
      <section className="tile" aria-labelledby="project-activity-title">
        <h2 id="project-activity-title" className="tile-title">
          Activity
        </h2>
        {activity.error && <QueryError error={activity.error} what="recent activity" />}
        {activity.data && (
          <ActivityFeed events={events} now={now} pageSize={8} label={`Recent activity of ${project.name}`} />
        )}
      </section>
    );
  }

  return (
    <section aria-labelledby="project-title" className="project-page">
      <BackLink href="#/home" label="Home" />
      <header className="page-header project-header">
        <div className="project-title-row">
          <h1 id="project-title">{project.name}</h1>
          {status && hasRuns(status.health) && (
            <RunStatusBadge status={status.health.overall} waitingApproval={projectWaitsForApproval(status.health)} />
          )}
        </div>
        <p className="muted">{memberSummary(project.members)}</p>
        <FreshnessNote staleness={status?.overall} now={now} />
        <div className="project-header-actions">
          <WatchRepositoriesButton project={project.id} className="project-header-action" />
          {status && (
            <button
              type="button"
              className="button button-small"
              aria-pressed={editing}
              onClick={() => setEditing((on) => !on)}
            >
              Customize
            </button>
          )}
        </div>
      </header>
      {project.state !== 'confirmed' && <ProposalNotice project={project} />}
      {snapshot.error && <QueryError error={snapshot.error} what="the latest status" />}
      {!status && !snapshot.error && <p className="muted">Loading status…</p>}
      {status && (
        <TileLayout
          tiles={tiles}
          layout={tileLayout.layout}
          editing={editing}
          onLayout={tileLayout.save}
          onDone={() => setEditing(false)}
          error={tileLayout.error}
        />
      )}
      <Members project={project} />
    </section>
  );
}

/** The project's repositories that the snapshot does not hold (GitHub's owner/repo compares without case). */
function unreadRepositories(project: ProjectView, read: AnyResource[]): ProjectMember[] {
  const key = (ref: string): string => (ref.startsWith('arn:') ? ref : ref.toLowerCase());
  const held = new Set(read.map((r) => key(memberRefOf(r))));
  return project.members.filter(
    (m) => (m.kind === 'codecommit-repository' || m.kind === 'github-repository') && !held.has(key(m.ref)),
  );
}

/** A proposed or dismissed project says so, with the way to keep or hide it. */
function ProposalNotice({ project }: { project: ProjectView }): React.JSX.Element {
  const edit = useProjectEdit();
  const dismissed = project.state === 'dismissed';
  return (
    <div className="notice notice-info" role="status">
      <p>
        {dismissed
          ? 'You dismissed this suggested project. Restore it to see it among the suggestions again.'
          : 'Starboard suggested this project from your pipelines, repositories and tags. Confirm it to watch it on Home.'}
      </p>
      <div className="actions">
        {dismissed ? (
          <button
            type="button"
            className="button button-small"
            disabled={edit.isPending}
            onClick={() => edit.mutate({ kind: 'restore', project: project.id })}
          >
            Restore
          </button>
        ) : (
          <>
            <button
              type="button"
              className="button button-small button-primary"
              disabled={edit.isPending}
              onClick={() => edit.mutate({ kind: 'confirm', project: project.id })}
            >
              Confirm
            </button>
            <button
              type="button"
              className="button button-small button-quiet"
              disabled={edit.isPending}
              onClick={() => edit.mutate({ kind: 'dismiss', project: project.id })}
            >
              Dismiss
            </button>
          </>
        )}
      </div>
    </div>
  );
}

/** Every member with why it belongs, for when a tile is missing something. */
function Members({ project }: { project: ProjectView }): React.JSX.Element {
  return (
    <details className="members">
      <summary>
        {project.members.length} {project.members.length === 1 ? 'member' : 'members'}
      </summary>
      <ul className="members-list">
        {project.members.map((member) => (
          <li key={member.ref}>
            <code>{member.ref}</code>{' '}
            <span className="muted small">
              {member.kind}
              {member.reasons.length > 0 && ` · ${member.reasons.map((r) => reasonText(r)).join(', ')}`}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}

function reasonText(reason: ProjectView['members'][number]['reasons'][number]): string {
  switch (reason.kind) {
    case 'pipeline':
      return reason.repository ? `pipeline sharing ${reason.repository}` : 'pipeline';
    case 'tag':
      return `tagged ${reason.key}=${reason.value}`;
    case 'github-deployments':
      return `deploys to ${reason.environments.join(', ')}`;
    case 'added-by-user':
      return 'added by you';
    default:
      return `${reason.kind.replace('-action', '')} action of ${reason.pipeline}`;
  }
}
