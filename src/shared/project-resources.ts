// Which snapshot resources belong to which project. Projects name their
// members by ARN (or owner/repo for GitHub); the snapshot keys resources by
// its own ids, so each resource is given the reference a project would use.
import type { ProjectView } from './projects';
import type { AnyResource, Snapshot, SnapshotResource } from './snapshot';
import type { AwsLocation } from './sources';

/** The partition a region belongs to, for ARNs built from a location alone. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** An ARN in the location's account and region; `resource` is the part after the account. */
export function awsArn(location: Pick<AwsLocation, 'accountId' | 'region'>, service: string, resource: string): string {
  return `arn:${partitionOf(location.region)}:${service}:${location.region}:${location.accountId}:${resource}`;
}

export const codebuildProjectArn = (location: Pick<AwsLocation, 'accountId' | 'region'>, project: string): string =>
  awsArn(location, 'codebuild', `project/${project}`);

export const codecommitRepositoryArn = (location: Pick<AwsLocation, 'accountId' | 'region'>, name: string): string =>
  awsArn(location, 'codecommit', name);

/**
 * The reference a project member uses for this resource: the pipeline's ARN,
 * the CodeBuild project's ARN for a build, the repository's ARN.
 */
export function memberRefOf(resource: AnyResource): string {
  switch (resource.kind) {
    case 'pipeline':
      return resource.data.summary.arn;
    case 'build':
      return codebuildProjectArn(resource.data.location, resource.data.project);
    case 'repository':
      return codecommitRepositoryArn(resource.data.location, resource.data.repository);
    case 'github-repository':
      return resource.data.fullName;
    case 'codedeploy-group':
      return resource.data.group.arn;
    case 'beanstalk-environment':
      return resource.data.environment.arn;
    case 'cloudformation-stack':
      // A pipeline names a stack, not its id: members use the ARN without the id.
      return awsArn(resource.data.location, 'cloudformation', `stack/${resource.data.stack.name}`);
    case 'ecs-service': {
      const { location, service } = resource.data;
      // The long ARN form names the cluster; the cluster may be given as its ARN.
      return awsArn(location, 'ecs', `service/${service.cluster.split('/').pop() ?? service.cluster}/${service.name}`);
    }
  }
}

/** ARNs compare exactly (AWS names are case-sensitive); GitHub's owner/repo ignores case. */
function matchKey(ref: string): string {
  return ref.startsWith('arn:') ? ref : ref.trim().toLowerCase();
}

/** A project's resources by kind, each list in snapshot id order. */
export interface ProjectResources {
  pipelines: SnapshotResource<'pipeline'>[];
  /** Every build of the project's CodeBuild projects that the snapshot holds. */
  builds: SnapshotResource<'build'>[];
  repositories: SnapshotResource<'repository'>[];
  githubRepositories: SnapshotResource<'github-repository'>[];
  /** Deploy targets: where the project's releases run (the Deployments page). */
  codedeployGroups: SnapshotResource<'codedeploy-group'>[];
  beanstalkEnvironments: SnapshotResource<'beanstalk-environment'>[];
  cloudformationStacks: SnapshotResource<'cloudformation-stack'>[];
  ecsServices: SnapshotResource<'ecs-service'>[];
}

/** Resources grouped by the member reference they answer to; build it once per snapshot. */
export function indexByMemberRef(snapshot: Snapshot): Map<string, AnyResource[]> {
  const index = new Map<string, AnyResource[]>();
  for (const resource of Object.values(snapshot.resources)) {
    const key = matchKey(memberRefOf(resource));
    const list = index.get(key);
    if (list) list.push(resource);
    else index.set(key, [resource]);
  }
  return index;
}

export function projectResources(
  project: Pick<ProjectView, 'members'>,
  index: Map<string, AnyResource[]>,
): ProjectResources {
  const found: ProjectResources = {
    pipelines: [],
    builds: [],
    repositories: [],
    githubRepositories: [],
    codedeployGroups: [],
    beanstalkEnvironments: [],
    cloudformationStacks: [],
    ecsServices: [],
  };
  const seen = new Set<string>();
  for (const member of project.members) {
    for (const resource of index.get(matchKey(member.ref)) ?? []) {
      if (seen.has(resource.id)) continue;
      seen.add(resource.id);
      switch (resource.kind) {
        case 'pipeline':
          found.pipelines.push(resource);
          break;
        case 'build':
          found.builds.push(resource);
          break;
        case 'repository':
          found.repositories.push(resource);
          break;
        case 'github-repository':
          found.githubRepositories.push(resource);
          break;
        case 'codedeploy-group':
          found.codedeployGroups.push(resource);
          break;
        case 'beanstalk-environment':
          found.beanstalkEnvironments.push(resource);
          break;
        case 'cloudformation-stack':
          found.cloudformationStacks.push(resource);
          break;
        case 'ecs-service':
          found.ecsServices.push(resource);
          break;
      }
    }
  }
  const byId = (a: AnyResource, b: AnyResource): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  found.pipelines.sort(byId);
  found.builds.sort(byId);
  found.repositories.sort(byId);
  found.githubRepositories.sort(byId);
  found.codedeployGroups.sort(byId);
  found.beanstalkEnvironments.sort(byId);
  found.cloudformationStacks.sort(byId);
  found.ecsServices.sort(byId);
  return found;
}

/** The ids of the projects (of those given) that hold the resource as a member. */
export function projectsOfResource(resource: AnyResource, projects: readonly Pick<ProjectView, 'id' | 'members'>[]) {
  return holdersOf(resource, projects).map((p) => p.id);
}

/** The project a page about the resource links to: a confirmed one first; undefined when none holds it. */
export function projectHolding(
  resource: AnyResource,
  projects: readonly Pick<ProjectView, 'id' | 'state' | 'members'>[],
): string | undefined {
  const holding = holdersOf(resource, projects);
  return (holding.find((p) => p.state === 'confirmed') ?? holding[0])?.id;
}

function holdersOf<P extends Pick<ProjectView, 'members'>>(resource: AnyResource, projects: readonly P[]): P[] {
  const key = matchKey(memberRefOf(resource));
  return projects.filter((p) => p.members.some((m) => matchKey(m.ref) === key));
}
