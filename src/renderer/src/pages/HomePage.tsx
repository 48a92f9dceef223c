import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useClient } from '../api/client';
import { projectStatus, useDashboardData } from '../api/dashboard';
import { workspaceOptions } from '../api/queries';
import { ActivityFeed } from '../components/dashboard/ActivityFeed';
import { useNow } from '../components/dashboard/use-now';
import { WatchRepositoriesButton } from '../components/github/WatchRepositoriesButton';
import { FirstRun } from '../components/home/FirstRun';
import { ProjectCard } from '../components/home/ProjectCard';
import { ProposedProjects } from '../components/home/ProposedProjects';
import { QueryError } from '../components/QueryError';

export function HomePage(): React.JSX.Element {
  const client = useClient();
  const workspace = useQuery(workspaceOptions(client));
  const { projects, snapshot, activity, refresh, index } = useDashboardData();
  const now = useNow();

  const confirmed = useMemo(
    () => projects.data?.projects.filter((p) => p.state === 'confirmed') ?? [],
    [projects.data],
  );
  const proposed = useMemo(() => projects.data?.projects.filter((p) => p.state === 'proposed') ?? [], [projects.data]);
  const names = useMemo(() => new Map(projects.data?.projects.map((p) => [p.id, p.name])), [projects.data]);

  if (workspace.error) return <QueryError error={workspace.error} what="your workspace" />;
  if (!workspace.data) return <p className="muted">Loading…</p>;

  const { awsAccounts, githubAccounts } = workspace.data;
  const accounts = awsAccounts.length + githubAccounts.length;

  return (
    <section aria-labelledby="home-title">
      <header className="page-header">
        <h1 id="home-title">Home</h1>
        <p className="muted">Your projects across AWS and GitHub, in one place.</p>
      </header>

      <div className="summary" role="list">
        <Stat label="AWS accounts" value={awsAccounts.length} />
        <Stat label="GitHub accounts" value={githubAccounts.length} />
        <Stat label="Projects" value={confirmed.length} />
      </div>

      {accounts === 0 && <FirstRun />}

      {accounts > 0 && (
        <div className="home-grid">
          <div className="home-projects">
            <WatchRepositoriesButton className="home-projects-toolbar" />
            {projects.error && <QueryError error={projects.error} what="your projects" />}
            {snapshot.error && <QueryError error={snapshot.error} what="the latest status" />}
            {projects.data && confirmed.length === 0 && (
              <div className="empty">
                <h2>No projects yet</h2>
                <p className="muted">
                  {proposed.length > 0
                    ? 'Confirm a suggested project below to watch it here.'
                    : 'Starboard groups pipelines, builds and repositories into projects once it has read your accounts.'}
                </p>
              </div>
            )}
            {confirmed.length > 0 && (
              <ul className="cards project-cards" aria-label="Projects">
                {confirmed.map((project) => (
                  <ProjectCard
                    key={project.id}
                    project={project}
                    status={
                      snapshot.data && index
                        ? projectStatus(project, snapshot.data, index, refresh.data, now)
                        : undefined
                    }
                    now={now}
                  />
                ))}
              </ul>
            )}
            <ProposedProjects projects={proposed} />
          </div>
          <section className="home-activity" aria-labelledby="activity-title">
            <h2 id="activity-title" className="section-title">
              Recent activity
            </h2>
            {activity.error && <QueryError error={activity.error} what="recent activity" />}
            {activity.data && <ActivityFeed events={activity.data} now={now} projectNames={names} />}
          </section>
        </div>
      )}
    </section>
  );
}

function Stat({ label, value }: { label: string; value: number }): React.JSX.Element {
  return (
    <div className="stat" role="listitem">
      <span className="stat-value">{value}</span>
      <span className="stat-label">{label}</span>
    </div>
  );
}
