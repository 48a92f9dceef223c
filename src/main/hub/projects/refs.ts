// Resource references as projects hold them: ARNs built the way each service
// writes them, `owner/repo` for GitHub, and one canonical form per resource
// so that a pipeline's action and a tag result name the same thing alike.
import type { MemberKind } from '../../../shared/projects';

/** Where a pipeline's resources live: the pipeline ARN's partition, region and account. */
export interface ArnScope {
  partition: string;
  region: string;
  account: string;
}

export interface ParsedArn extends ArnScope {
  service: string;
  resource: string;
}

export function parseArn(ref: string): ParsedArn | undefined {
  const parts = ref.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) return undefined;
  const [, partition = '', service = '', region = '', account = '', ...rest] = parts;
  return { partition, service, region, account, resource: rest.join(':') };
}

const arn = (s: ArnScope, service: string, resource: string): string =>
  `arn:${s.partition}:${service}:${s.region}:${s.account}:${resource}`;

export const arns = {
  codecommitRepository: (s: ArnScope, name: string) => arn(s, 'codecommit', name),
  codebuildProject: (s: ArnScope, name: string) => arn(s, 'codebuild', `project/${name}`),
  codedeployApplication: (s: ArnScope, app: string) => arn(s, 'codedeploy', `application:${app}`),
  codedeployGroup: (s: ArnScope, app: string, group: string) => arn(s, 'codedeploy', `deploymentgroup:${app}/${group}`),
  beanstalkApplication: (s: ArnScope, app: string) => arn(s, 'elasticbeanstalk', `application/${app}`),
  beanstalkEnvironment: (s: ArnScope, app: string, env: string) =>
    arn(s, 'elasticbeanstalk', `environment/${app}/${env}`),
  /** Without the stack id, which a pipeline does not know; canonicalRef drops it from full stack ARNs too. */
  cloudformationStack: (s: ArnScope, name: string) => arn(s, 'cloudformation', `stack/${name}`),
  ecsService: (s: ArnScope, cluster: string, service: string) => arn(s, 'ecs', `service/${cluster}/${service}`),
};

/** The partition a region belongs to (shared with the renderer, which builds ARNs from locations too). */
export { partitionOf } from '../../../shared/project-resources';

/** The one form of a reference used for matching: GitHub names lower-cased, stack ARNs without their id. */
export function canonicalRef(ref: string): string {
  const parsed = parseArn(ref);
  if (!parsed) return ref.trim().toLowerCase();
  if (parsed.service === 'cloudformation') {
    const stack = /^stack\/([^/]+)/.exec(parsed.resource);
    if (stack?.[1]) return arns.cloudformationStack(parsed, stack[1]);
  }
  return ref;
}

export function memberKind(ref: string): MemberKind {
  const parsed = parseArn(ref);
  if (!parsed) return /^[^/\s]+\/[^/\s]+$/.test(ref) ? 'github-repository' : 'other';
  const type = parsed.resource.split(/[/:]/)[0];
  switch (parsed.service) {
    case 'codepipeline':
      return 'pipeline';
    case 'codecommit':
      return 'codecommit-repository';
    case 'codebuild':
      return type === 'project' ? 'codebuild-project' : 'other';
    case 'codedeploy':
      return type === 'application'
        ? 'codedeploy-application'
        : type === 'deploymentgroup'
          ? 'codedeploy-deployment-group'
          : 'other';
    case 'elasticbeanstalk':
      return type === 'application'
        ? 'beanstalk-application'
        : type === 'environment'
          ? 'beanstalk-environment'
          : 'other';
    case 'cloudformation':
      return type === 'stack' ? 'cloudformation-stack' : 'other';
    case 'ecs':
      return type === 'service' ? 'ecs-service' : 'other';
    default:
      return 'other';
  }
}

/** The short name of a resource: a repository's name without its owner, a project's name, … */
export function shortName(ref: string): string {
  const parsed = parseArn(ref);
  if (!parsed) return ref.split('/').at(-1) ?? ref;
  return parsed.resource.split(/[/:]/).at(-1) ?? parsed.resource;
}
