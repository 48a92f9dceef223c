// The dashboard's reads in one place: projects, the snapshot, activity and
// refresh status, plus each project's resources, health and freshness.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { projectHealth, type ProjectHealth } from '../../../shared/project-health';
import { indexByMemberRef, projectResources, type ProjectResources } from '../../../shared/project-resources';
import type { ProjectView } from '../../../shared/projects';
import type { RefreshStatus } from '../../../shared/refresh';
import type { AnyResource, Snapshot } from '../../../shared/snapshot';
import { combinedStaleness, resourceStaleness, type Staleness } from '../../../shared/staleness';
import { useClient } from './client';
import { activityOptions, projectsOptions, refreshStatusOptions, snapshotOptions } from './queries';

export function useDashboardData() {
  const client = useClient();
  const projects = useQuery(projectsOptions(client));
  const snapshot = useQuery(snapshotOptions(client));
  const activity = useQuery(activityOptions(client));
  const refresh = useQuery(refreshStatusOptions(client));
  const index = useMemo(() => (snapshot.data ? indexByMemberRef(snapshot.data) : undefined), [snapshot.data]);
  return { projects, snapshot, activity, refresh, index };
}

export interface ProjectStatus {
  resources: ProjectResources;
  health: ProjectHealth;
  /** Freshness of each of the project's resources, by snapshot id. */
  freshness: Map<string, Staleness>;
  /** The project as a whole: stale when any resource is; undefined when it has none in the snapshot. */
  overall: Staleness | undefined;
}

/** Everything a card or a project page shows about one project, from one snapshot. */
export function projectStatus(
  project: Pick<ProjectView, 'members'>,
  snapshot: Snapshot,
  index: Map<string, AnyResource[]>,
  refresh: RefreshStatus | undefined,
  now: number,
): ProjectStatus {
  const resources = projectResources(project, index);
  const health = projectHealth(resources);
  // A project's builds past the latest per CodeBuild project do not make the project stale.
  const shown: AnyResource[] = [
    ...resources.pipelines,
    ...health.builds.map((b) => b.latest),
    ...resources.repositories,
    ...resources.githubRepositories,
  ];
  const freshness = new Map<string, Staleness>();
  for (const resource of [...shown, ...resources.builds])
    freshness.set(resource.id, resourceStaleness(resource, snapshot, refresh, now));
  return {
    resources,
    health,
    freshness,
    overall: combinedStaleness(shown.map((r) => freshness.get(r.id)).filter((s) => s !== undefined)),
  };
}
