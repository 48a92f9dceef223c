// What a GitHub token could not read in one repository, per area of the
// dashboard, with the permission it lacks: "Pull requests are not shown: the
// token lacks Pull requests: read", not a generic error. Built from the
// per-section and per-item problems the repository's reads report.
import type { GitHubRepositoryRead } from './github';
import type { SourceProblem } from './sources';

export type GitHubArea = 'pull-requests' | 'checks' | 'actions' | 'environments' | 'other';

export interface GitHubAccessGap {
  area: GitHubArea;
  /** What the dashboard cannot show because of it. */
  effect: string;
  /** "Actions: read", when GitHub named it (or the route implies it). */
  missingPermission?: string;
  /** GitHub's refusal in Starboard's words. */
  message: string;
}

const effects: Record<GitHubArea, string> = {
  'pull-requests': 'Pull requests and their reviews are not shown',
  checks: 'Check results of pull requests are not shown',
  actions: 'Workflow runs and runs waiting for review are not shown',
  environments: 'Environments and deployments are not shown',
  other: 'Some data is not shown',
};

/** The area a problem's resource (`owner/repo <what was read>`) belongs to. */
function areaOf(what: string): GitHubArea {
  if (what === 'pull requests' || /^#\d+ reviews$/.test(what)) return 'pull-requests';
  if (/^#\d+ checks$/.test(what)) return 'checks';
  if (what === 'runs' || what === 'waiting runs' || what === 'workflows' || /^run \d+ pending deployments$/.test(what))
    return 'actions';
  if (what === 'environments' || what.endsWith(' deployments')) return 'environments';
  return 'other';
}

/** Whether the token is refused (a lasting gap), as opposed to a read that failed this time. */
const refused = (problem: SourceProblem): boolean => problem.code === 'access-denied';

/** One gap per area and permission, in the dashboard's order. */
export function githubAccessGaps(read: Pick<GitHubRepositoryRead, 'fullName' | 'problems'>): GitHubAccessGap[] {
  const prefix = `${read.fullName} `;
  const gaps = new Map<string, GitHubAccessGap>();
  for (const problem of read.problems.filter(refused)) {
    const resource = problem.resource ?? '';
    const area = areaOf(resource.startsWith(prefix) ? resource.slice(prefix.length) : resource);
    const key = `${area}|${problem.missingPermission ?? ''}`;
    if (gaps.has(key)) continue;
    gaps.set(key, {
      area,
      effect: effects[area],
      message: problem.message,
      ...(problem.missingPermission === undefined ? {} : { missingPermission: problem.missingPermission }),
    });
  }
  const order = Object.keys(effects);
  return [...gaps.values()].sort((a, b) => order.indexOf(a.area) - order.indexOf(b.area));
}
