import { useMemo } from 'react';
import { useDashboardData } from '../api/dashboard';
import { CodeDeployDeploymentView } from '../components/deployments/CodeDeployDeploymentView';
import { DeploymentsBreadcrumb } from '../components/deployments/DeploymentsBreadcrumb';
import { EnvironmentMatrix } from '../components/deployments/EnvironmentMatrix';
import { PipelineTrace } from '../components/deployments/PipelineTrace';
import { FreshnessNote } from '../components/dashboard/FreshnessNote';
import { useNow } from '../components/dashboard/use-now';
import { QueryError } from '../components/QueryError';
import {
  environmentMatrix,
  findCodeDeployDeployment,
  type EnvironmentMatrix as Matrix,
} from '../../../shared/environments';
import { projectHolding, projectResources, type ProjectResources } from '../../../shared/project-resources';
import type { ProjectView } from '../../../shared/projects';
import { resourcesOfKind } from '../../../shared/snapshot';
import { combinedStaleness, resourceStaleness, type Staleness } from '../../../shared/staleness';
import { projectHref } from '../routes';
import '../components/deployments/deployments.css';

interface ProjectDeployments {
  project: ProjectView;
  matrix: Matrix;
  staleness: Staleness | undefined;
}

const deployResources = (r: ProjectResources) => [
  ...r.codedeployGroups,
  ...r.beanstalkEnvironments,
  ...r.cloudformationStacks,
  ...r.ecsServices,
  ...r.githubRepositories.filter((g) => g.data.environments.length > 0),
];

/** #/deployments: per project, which version is live in which environment, and whether it is healthy. */
export function DeploymentsPage(): React.JSX.Element {
  const { projects, snapshot, refresh, index } = useDashboardData();
  const now = useNow();
  const shown = useMemo((): ProjectDeployments[] => {
    if (!projects.data || !snapshot.data || !index) return [];
    const list = [...projects.data.projects].sort(
      (a, b) => Number(b.state === 'confirmed') - Number(a.state === 'confirmed') || a.name.localeCompare(b.name),
    );
    return list
      .map((project) => {
        const resources = projectResources(project, index);
        const matrix = environmentMatrix(resources);
        const staleness = combinedStaleness(
          deployResources(resources).map((r) => resourceStaleness(r, snapshot.data, refresh.data, now)),
        );
        return { project, matrix, staleness };
      })
      .filter((p) => p.matrix.rows.length > 0);
  }, [projects.data, snapshot.data, refresh.data, index, now]);

  return (
    <section aria-labelledby="deployments-title" className="deployments-page">
      <header className="page-header">
        <h1 id="deployments-title">Deployments</h1>
        <p className="muted">Which version is live in each environment, and whether it is healthy.</p>
      </header>
      {projects.error && <QueryError error={projects.error} what="your projects" />}
      {snapshot.error && <QueryError error={snapshot.error} what="the latest status" />}
      {(!projects.data || !snapshot.data) && !projects.error && !snapshot.error && <p className="muted">Loading…</p>}
      {projects.data && snapshot.data && shown.length === 0 && <EmptyState />}
      {shown.map(({ project, matrix, staleness }) => (
        <section
          key={project.id}
          className="tile deploy-project"
          aria-labelledby={`deploy-project-${project.id}`}
          data-testid={`deployments-${project.id}`}
        >
          <header className="deploy-project-header">
            <h2 id={`deploy-project-${project.id}`} className="deploy-project-title">
              <a href={projectHref(project.id)}>{project.name}</a>
            </h2>
            {project.state !== 'confirmed' && <span className="deploy-suggested small">Suggested</span>}
            <FreshnessNote staleness={staleness} now={now} />
          </header>
          <EnvironmentMatrix
            matrix={matrix}
            label={`Deployments of ${project.name}`}
            resources={snapshot.data?.resources ?? {}}
            now={now}
            projectId={project.id}
          />
        </section>
      ))}
    </section>
  );
}

function EmptyState(): React.JSX.Element {
  return (
    <div className="deploy-empty tile">
      <h2 className="tile-title">Nothing deployed yet</h2>
      <p>
        This page shows, for each project, what is live in each environment: CodeDeploy deployment groups, Elastic
        Beanstalk environments, CloudFormation stacks and ECS services that the project&apos;s pipelines deploy to, and
        the environments of its GitHub repositories.
      </p>
      <p className="muted">
        Add an AWS account on <a href="#/accounts">Accounts</a> or watch a GitHub repository from a project&apos;s page;
        targets appear here after the next refresh.
      </p>
    </div>
  );
}

/** #/deployments/codedeploy/<id>: one CodeDeploy deployment with each target's lifecycle. */
export function CodeDeployDeploymentPage({ deploymentId }: { deploymentId: string }): React.JSX.Element {
  const { snapshot, refresh, projects } = useDashboardData();
  const now = useNow();
  const found = useMemo(
    () =>
      snapshot.data
        ? findCodeDeployDeployment(resourcesOfKind(snapshot.data, 'codedeploy-group'), deploymentId)
        : undefined,
    [snapshot.data, deploymentId],
  );
  const projectId = useMemo(
    () => (found && projects.data ? projectHolding(found.resource, projects.data.projects) : undefined),
    [found, projects.data],
  );
  return (
    <section aria-label="CodeDeploy deployment" className="deployments-page">
      <DeploymentsBreadcrumb />
      {snapshot.error && <QueryError error={snapshot.error} what="the latest status" />}
      {!snapshot.data && !snapshot.error && <p className="muted">Loading…</p>}
      {snapshot.data && !found && (
        <>
          <h1>Deployment not found</h1>
          <p className="muted">
            Starboard keeps each deployment group&apos;s recent deployments; <code>{deploymentId}</code> is not among
            them. <a href="#/deployments">Back to Deployments</a>
          </p>
        </>
      )}
      {snapshot.data && found && (
        <>
          <FreshnessNote
            staleness={resourceStaleness(found.resource, snapshot.data, refresh.data, now)}
            now={now}
            quiet
          />
          <CodeDeployDeploymentView
            resource={found.resource}
            deployment={found.deployment}
            now={now}
            trace={
              <PipelineTrace
                deploymentId={found.deployment.id}
                resources={snapshot.data.resources}
                {...(projectId !== undefined ? { projectId } : {})}
                now={now}
              />
            }
          />
        </>
      )}
    </section>
  );
}
