import { useMemo } from 'react';
import { useDashboardData } from '../api/dashboard';
import { BackLink } from '../components/BackLink';
import { FreshnessNote } from '../components/dashboard/FreshnessNote';
import { useNow } from '../components/dashboard/use-now';
import { GitHubAccessNotes } from '../components/project/GitHubAccessNotes';
import { QueryError } from '../components/QueryError';
import { RepositoryHeader } from '../components/repositories/RepositoryHeader';
import {
  BranchesSection,
  CommitsSection,
  PullRequestsSection,
  RunsSection,
} from '../components/repositories/RepositorySections';
import { branchViews, commitViews, pullViews } from '../components/repositories/repository-detail';
import { isRepository } from '../components/repositories/repository-list';
import { projectHolding } from '../../../shared/project-resources';
import { resourceStaleness } from '../../../shared/staleness';
import '../components/repositories/repositories.css';

/** #/repositories/<resource id>: one CodeCommit or GitHub repository's pull requests, branches and commits. */
export function RepositoryPage({
  resourceId,
}: {
  resourceId: string;
  executionId?: string;
  line?: number;
}): React.JSX.Element {
  const { projects, snapshot, refresh } = useDashboardData();
  const now = useNow();
  const found = snapshot.data?.resources[resourceId];
  const resource = found && isRepository(found) ? found : undefined;
  const project = useMemo(() => {
    if (!resource || !projects.data) return undefined;
    const id = projectHolding(resource, projects.data.projects);
    return projects.data.projects.find((p) => p.id === id);
  }, [resource, projects.data]);
  const views = useMemo(
    () =>
      resource && snapshot.data
        ? { pulls: pullViews(resource), branches: branchViews(resource, snapshot.data), commits: commitViews(resource) }
        : undefined,
    [resource, snapshot.data],
  );

  return (
    <section aria-labelledby="repository-title" className="repository-page">
      <BackLink href="#/repositories" label="Repositories" />
      {snapshot.error && <QueryError error={snapshot.error} what="the latest status" />}
      {!snapshot.data && !snapshot.error && (
        <>
          <h1 id="repository-title">Repository</h1>
          <p className="muted">Loading…</p>
        </>
      )}
      {snapshot.data && !resource && (
        <>
          <h1 id="repository-title">Repository not found</h1>
          <p className="muted">
            Starboard does not hold this repository (<code>{resourceId}</code>): it may no longer be watched, or its
            account was removed. <a href="#/repositories">Back to Repositories</a>
          </p>
        </>
      )}
      {snapshot.data && resource && views && (
        <>
          <RepositoryHeader
            resource={resource}
            project={project ? { id: project.id, name: project.name } : undefined}
            underTitle={
              <FreshnessNote staleness={resourceStaleness(resource, snapshot.data, refresh.data, now)} now={now} />
            }
          />
          {resource.kind === 'github-repository' && <GitHubAccessNotes read={resource.data} />}
          {resource.kind === 'repository' && resource.data.problems.length > 0 && (
            <div className="notice notice-warning" role="note">
              <strong>Some of this repository was not read.</strong>
              <ul>
                {resource.data.problems.map((p, i) => (
                  <li key={i}>
                    {p.resource !== undefined && <>{p.resource}: </>}
                    {p.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="repo-sections">
            <PullRequestsSection
              pulls={views.pulls}
              github={resource.kind === 'github-repository'}
              now={now}
              name={resource.kind === 'github-repository' ? resource.data.fullName : resource.data.repository}
            />
            <BranchesSection
              branches={views.branches}
              github={resource.kind === 'github-repository'}
              {...(resource.kind === 'github-repository'
                ? { target: { accountKey: resource.data.accountKey, repository: resource.data.fullName } }
                : {})}
              now={now}
            />
            <CommitsSection
              commits={views.commits}
              branch={
                resource.kind === 'github-repository'
                  ? resource.data.repository?.defaultBranch
                  : resource.data.defaultBranch
              }
              now={now}
            />
            {resource.kind === 'github-repository' && <RunsSection read={resource.data} now={now} />}
          </div>
        </>
      )}
    </section>
  );
}
