// The hash routes, as pure functions: parse a hash into a Route, build the
// hrefs of pages. No DOM here, so Node tests can run it; routes.ts adds the
// hooks that follow window.location.

export const pages = [
  { id: 'home', label: 'Home', shortcut: '1' },
  { id: 'approvals', label: 'Approvals', shortcut: '2' },
  { id: 'pipelines', label: 'Pipelines', shortcut: '3' },
  { id: 'builds', label: 'Builds', shortcut: '4' },
  { id: 'repositories', label: 'Repositories', shortcut: '5' },
  { id: 'deployments', label: 'Deployments', shortcut: '6' },
  { id: 'accounts', label: 'Accounts', shortcut: '7' },
  { id: 'settings', label: 'Settings', shortcut: ',' },
] as const;

export type PageId = (typeof pages)[number]['id'];

/** A GitHub repository as the hub watches it: the account's key and `owner/repo`. */
export interface GitHubRepositoryTarget {
  accountKey: string;
  repository: string;
}

/**
 * A page of the sidebar, or a page under Home: one project's page
 * (#/projects/<id>), a workflow run (#/github/<account>/<owner>/<repo>/runs/<id>)
 * or a job's log (#/github/<account>/<owner>/<repo>/jobs/<id>/log?line=N&run=<id>).
 */
export type Route =
  | { page: PageId }
  | { page: 'project'; projectId: string }
  | { page: 'codedeploy-deployment'; deploymentId: string }
  | { page: 'deploy-target'; resourceId: string }
  /** One pipeline (#/pipelines/<resource id>), optionally at one execution. */
  | { page: 'pipeline'; resourceId: string; executionId?: string }
  /** One CodeBuild build (#/builds/<resource id>), optionally with its log scrolled to a line. */
  | { page: 'build'; resourceId: string; line?: number }
  /** One repository, CodeCommit or GitHub (#/repositories/<resource id>). */
  | { page: 'repository'; resourceId: string }
  | ({ page: 'github-run'; runId: number } & GitHubRepositoryTarget)
  | ({ page: 'github-job-log'; jobId: number; line?: number; runId?: number } & GitHubRepositoryTarget)
  /**
   * The small review window of one approval (#/review/<approval id>), opened
   * by a notification or the tray; `decision` opens that confirmation at once.
   */
  | { page: 'review'; approvalId: string; decision?: ReviewDecision };

/** What a notification's button asks the review window to confirm. */
export type ReviewDecision = 'approve' | 'reject';

/** A GitHub id in a URL: digits only, no leading zero, held exactly by a number. */
function githubId(text: string | null | undefined): number | undefined {
  if (text === null || text === undefined || !/^[1-9]\d{0,15}$/.test(text)) return undefined;
  const id = Number(text);
  return Number.isSafeInteger(id) ? id : undefined;
}

const githubNamePattern = /^[A-Za-z0-9_.-]{1,100}$/;
const githubPathPattern = /^github\/([^/]+)\/([^/]+)\/([^/]+)\/(runs\/([^/]+)|jobs\/([^/]+)\/log)$/;

function decoded(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/** A run or job-log path, or undefined when any part of it is not what GitHub allows. */
function githubRoute(path: string, search: string): Route | undefined {
  const m = githubPathPattern.exec(path);
  if (!m) return undefined;
  const [, account = '', owner = '', name = '', , run, job] = m;
  const accountKey = decoded(account);
  if (accountKey === undefined || accountKey.length === 0 || accountKey.length > 64) return undefined;
  if (!githubNamePattern.test(owner) || !githubNamePattern.test(name)) return undefined;
  const target = { accountKey, repository: `${owner}/${name}` };
  if (run !== undefined) {
    const runId = githubId(run);
    return runId === undefined ? undefined : { page: 'github-run', ...target, runId };
  }
  const jobId = githubId(job);
  if (jobId === undefined) return undefined;
  const params = new URLSearchParams(search);
  const line = githubId(params.get('line'));
  const runId = githubId(params.get('run'));
  return {
    page: 'github-job-log',
    ...target,
    jobId,
    ...(line === undefined ? {} : { line }),
    ...(runId === undefined ? {} : { runId }),
  };
}

/**
 * The review route, matched on the whole hash: an approval id exactly as
 * main mints them, then nothing but an optional `?decision=approve|reject`.
 * A notification's text reaches this hash, so anything else (another
 * parameter, a second `?`, an unknown decision) is not a review at all.
 */
const reviewPattern = /^review\/(apv_[A-Za-z0-9_-]{16,64})(?:\?decision=(approve|reject))?$/;

function reviewRoute(rest: string): Route | undefined {
  const m = reviewPattern.exec(rest);
  const approvalId = m?.[1];
  if (approvalId === undefined) return undefined;
  const decision = m?.[2];
  return decision === 'approve' || decision === 'reject'
    ? { page: 'review', approvalId, decision }
    : { page: 'review', approvalId };
}

/** Reads the hash; anything malformed is Home. */
export function routeFromHash(hash: string): Route {
  const rest = hash.replace(/^#\/?/, '');
  if (rest.startsWith('review/')) return reviewRoute(rest) ?? { page: 'home' };
  const [path = '', search = ''] = rest.split('?', 2);
  if (path.startsWith('github/')) return githubRoute(path, search) ?? { page: 'home' };
  const deployment = /^deployments\/codedeploy\/([A-Za-z0-9-]{1,64})$/.exec(path)?.[1];
  if (deployment !== undefined) return { page: 'codedeploy-deployment', deploymentId: deployment };
  const target = /^deployments\/targets\/([^/]{1,2048})$/.exec(path)?.[1];
  if (target !== undefined) {
    const resourceId = decoded(target);
    return resourceId === undefined || resourceId === '' ? { page: 'home' } : { page: 'deploy-target', resourceId };
  }
  const detail = /^(pipelines|builds|repositories)\/([^/]{1,2048})$/.exec(path);
  if (detail) return detailRoute(detail[1] ?? '', detail[2] ?? '', new URLSearchParams(search)) ?? { page: 'home' };
  const project = /^projects\/([^/]+)$/.exec(path)?.[1];
  if (project !== undefined) {
    try {
      return { page: 'project', projectId: decodeURIComponent(project) };
    } catch {
      return { page: 'home' };
    }
  }
  return { page: pages.find((page) => page.id === path)?.id ?? 'home' };
}

/** A pipeline's, build's or repository's page: the resource id must name that kind. */
function detailRoute(section: string, part: string, params: URLSearchParams): Route | undefined {
  const resourceId = decoded(part);
  if (resourceId === undefined) return undefined;
  if (section === 'pipelines' && resourceId.startsWith('pipeline:')) {
    const executionId = params.get('execution');
    return executionId !== null && /^[A-Za-z0-9-]{1,100}$/.test(executionId)
      ? { page: 'pipeline', resourceId, executionId }
      : { page: 'pipeline', resourceId };
  }
  if (section === 'builds' && resourceId.startsWith('build:')) {
    const line = githubId(params.get('line'));
    return line === undefined ? { page: 'build', resourceId } : { page: 'build', resourceId, line };
  }
  if (
    section === 'repositories' &&
    (resourceId.startsWith('repository:') || resourceId.startsWith('github-repository:'))
  )
    return { page: 'repository', resourceId };
  return undefined;
}

/** A pipeline's page by its snapshot resource id; `executionId` opens that execution. */
export function pipelineHref(resourceId: string, executionId?: string): string {
  const query = executionId === undefined ? '' : `?execution=${encodeURIComponent(executionId)}`;
  return `#/pipelines/${encodeURIComponent(resourceId)}${query}`;
}

/** A CodeBuild build's page by its snapshot resource id (`build:<arn>`); `line` scrolls its log there. */
export function buildHref(resourceId: string, line?: number): string {
  return `#/builds/${encodeURIComponent(resourceId)}${line === undefined ? '' : `?line=${line}`}`;
}

/** A repository's page (CodeCommit or GitHub) by its snapshot resource id. */
export function repositoryHref(resourceId: string): string {
  return `#/repositories/${encodeURIComponent(resourceId)}`;
}

export function projectHref(projectId: string): string {
  return `#/projects/${encodeURIComponent(projectId)}`;
}

function repositoryPath({ accountKey, repository }: GitHubRepositoryTarget): string {
  const [owner = '', name = ''] = repository.split('/');
  return `#/github/${encodeURIComponent(accountKey)}/${encodeURIComponent(owner)}/${encodeURIComponent(name)}`;
}

/** The page of one CodeDeploy deployment (#/deployments/codedeploy/<id>). */
export function codeDeployDeploymentHref(deploymentId: string): string {
  return `#/deployments/codedeploy/${encodeURIComponent(deploymentId)}`;
}

/**
 * The page of one deploy target (a Beanstalk environment, a CloudFormation
 * stack, an ECS service, a CodeDeploy group), by its snapshot resource id.
 */
export function deployTargetHref(resourceId: string): string {
  return `#/deployments/targets/${encodeURIComponent(resourceId)}`;
}

/** The page of one workflow run. */
export function runHref(target: GitHubRepositoryTarget & { runId: number }): string {
  return `${repositoryPath(target)}/runs/${target.runId}`;
}

/** The page of one job's log; `line` opens it scrolled to that line, `runId` tells which run it belongs to. */
export function jobLogHref(target: GitHubRepositoryTarget & { jobId: number; line?: number; runId?: number }): string {
  const params = new URLSearchParams();
  if (target.line !== undefined) params.set('line', String(target.line));
  if (target.runId !== undefined) params.set('run', String(target.runId));
  const query = params.toString();
  return `${repositoryPath(target)}/jobs/${target.jobId}/log${query === '' ? '' : `?${query}`}`;
}

/** The review window of one approval; `decision` opens its Approve or Reject confirmation at once. */
export function reviewHref(approvalId: string, decision?: ReviewDecision): string {
  return `#/review/${encodeURIComponent(approvalId)}${decision === undefined ? '' : `?decision=${decision}`}`;
}

/**
 * The hash to go to when main asks the window to (app.navigate): only an
 * in-app route (`#/…`, no whitespace); anything else leaves the window where
 * it is. routeFromHash still reads a malformed route as Home.
 */
export function navigableHash(hash: string): string | undefined {
  return /^#\/[^\s]{0,4094}$/.test(hash) ? hash : undefined;
}

/** The sidebar's entry for a route: pages under Home count as Home, a deployment's page as Deployments. */
export function sidebarPage(route: Route): PageId {
  if (route.page === 'review') return 'approvals';
  if (route.page === 'codedeploy-deployment' || route.page === 'deploy-target') return 'deployments';
  if (route.page === 'pipeline') return 'pipelines';
  if (route.page === 'build') return 'builds';
  if (route.page === 'repository') return 'repositories';
  return route.page === 'project' || route.page === 'github-run' || route.page === 'github-job-log'
    ? 'home'
    : route.page;
}
