// Actions on the wire: workflows, workflow runs, jobs with steps, check runs
// (Actions reports every job as a check run with the same id) and job logs.
import type { Repository, RunAttempt, Workflow, WorkflowRun } from '../world/model';
import { fullName } from '../world/model';
import type { AttemptView, JobView } from '../world/timeline';
import { iso, isoOrNull, nodeId, type Links } from './links';
import { repository } from './repos';
import { simpleUser } from './users';

export function workflow(links: Links, repo: Repository, w: Workflow): Record<string, unknown> {
  const name = fullName(repo);
  return {
    id: w.id,
    node_id: nodeId('Workflow', w.id),
    name: w.name,
    path: w.path,
    state: 'active',
    created_at: iso(w.createdAt),
    updated_at: iso(w.createdAt),
    url: `${links.api}/repos/${name}/actions/workflows/${w.id}`,
    html_url: `${links.web}/${name}/blob/${repo.defaultBranch}/${w.path}`,
    badge_url: `${links.web}/${name}/workflows/${w.path.split('/').pop() ?? w.path}/badge.svg`,
  };
}

export interface RunOnWire {
  repo: Repository;
  run: WorkflowRun;
  workflow: Workflow;
  attempt: RunAttempt;
  view: AttemptView;
}

export function workflowRun(
  links: Links,
  { repo, run, workflow: w, attempt, view }: RunOnWire,
): Record<string, unknown> {
  const name = fullName(repo);
  const url = `${links.api}/repos/${name}/actions/runs/${run.id}`;
  const head = repo.commits.get(run.headSha);
  const pulls = repo.pulls.filter((p) => run.pullNumbers.includes(p.number));
  const repoRef = { id: repo.id, url: `${links.api}/repos/${name}`, name: repo.name };
  const person = head && { name: head.author.name, email: `${head.author.login}@users.noreply.github.com` };
  return {
    id: run.id,
    name: w.name,
    node_id: nodeId('WorkflowRun', run.id),
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: w.path,
    display_title: pulls[0]?.title ?? head?.message ?? w.name,
    run_number: run.runNumber,
    event: run.event,
    status: view.status,
    conclusion: view.conclusion,
    workflow_id: w.id,
    check_suite_id: checkSuiteId(run, attempt),
    check_suite_node_id: nodeId('CheckSuite', checkSuiteId(run, attempt)),
    url,
    html_url: `${links.web}/${name}/actions/runs/${run.id}`,
    pull_requests: pulls.map((p) => ({
      id: p.id,
      number: p.number,
      url: `${links.api}/repos/${name}/pulls/${p.number}`,
      head: { ref: p.headRef, sha: p.headSha, repo: repoRef },
      base: { ref: p.baseRef, sha: repo.branches.get(p.baseRef) ?? p.headSha, repo: repoRef },
    })),
    created_at: iso(run.createdAt),
    updated_at: iso(view.updatedAt),
    actor: simpleUser(links, run.attempts[0]?.actor ?? attempt.actor),
    triggering_actor: simpleUser(links, attempt.actor),
    run_attempt: attempt.number,
    referenced_workflows: [],
    run_started_at: iso(attempt.createdAt),
    jobs_url: `${url}/jobs`,
    logs_url: `${url}/logs`,
    check_suite_url: `${links.api}/repos/${name}/check-suites/${checkSuiteId(run, attempt)}`,
    artifacts_url: `${url}/artifacts`,
    cancel_url: `${url}/cancel`,
    rerun_url: `${url}/rerun`,
    previous_attempt_url: attempt.number > 1 ? `${url}/attempts/${attempt.number - 1}` : null,
    workflow_url: `${links.api}/repos/${name}/actions/workflows/${w.id}`,
    head_commit: head
      ? {
          id: head.sha,
          tree_id: head.treeSha,
          message: head.message,
          timestamp: iso(head.at),
          author: person,
          committer: person,
        }
      : null,
    repository: repository(links, repo),
    head_repository: repository(links, repo),
  };
}

const checkSuiteId = (run: WorkflowRun, attempt: RunAttempt): number => run.id * 10 + attempt.number;

export function job(links: Links, wire: RunOnWire, j: JobView): Record<string, unknown> {
  const { repo, run, workflow: w, attempt } = wire;
  const name = fullName(repo);
  const started = j.steps.some((s) => s.startedAt !== null);
  const runner = started ? 2 + (j.plan.id % 40) : null;
  return {
    id: j.plan.id,
    run_id: run.id,
    run_url: `${links.api}/repos/${name}/actions/runs/${run.id}`,
    run_attempt: attempt.number,
    node_id: nodeId('CheckRun', j.plan.id),
    head_sha: run.headSha,
    url: `${links.api}/repos/${name}/actions/jobs/${j.plan.id}`,
    html_url: `${links.web}/${name}/actions/runs/${run.id}/job/${j.plan.id}`,
    status: j.status,
    conclusion: j.conclusion,
    created_at: iso(j.createdAt),
    started_at: iso(j.startedAt),
    completed_at: isoOrNull(j.completedAt),
    name: j.plan.name,
    steps: j.steps.map((s) => ({
      name: s.name,
      status: s.status,
      conclusion: s.conclusion,
      number: s.number,
      started_at: isoOrNull(s.startedAt),
      completed_at: isoOrNull(s.completedAt),
    })),
    check_run_url: `${links.api}/repos/${name}/check-runs/${j.plan.id}`,
    labels: ['ubuntu-latest'],
    runner_id: runner,
    runner_name: runner === null ? null : `GitHub Actions ${runner}`,
    runner_group_id: runner === null ? null : 0,
    runner_group_name: runner === null ? null : 'GitHub Actions',
    workflow_name: w.name,
    head_branch: run.headBranch,
  };
}

export function checkRun(links: Links, wire: RunOnWire, j: JobView): Record<string, unknown> {
  const { repo, run, attempt } = wire;
  const name = fullName(repo);
  const url = `${links.api}/repos/${name}/check-runs/${j.plan.id}`;
  const html = `${links.web}/${name}/actions/runs/${run.id}/job/${j.plan.id}`;
  const title = j.conclusion === null ? null : `${j.plan.name}: ${j.conclusion}`;
  const started = j.status === 'in_progress' || j.status === 'completed';
  return {
    id: j.plan.id,
    head_sha: run.headSha,
    node_id: nodeId('CheckRun', j.plan.id),
    external_id: String(j.plan.id),
    url,
    html_url: html,
    details_url: html,
    status: j.status,
    conclusion: j.conclusion,
    started_at: started ? iso(j.startedAt) : null,
    completed_at: isoOrNull(j.completedAt),
    output: { title, summary: title, text: null, annotations_count: 0, annotations_url: `${url}/annotations` },
    name: j.plan.name,
    check_suite: { id: checkSuiteId(run, attempt) },
    app: githubActionsApp(links),
    pull_requests: [],
  };
}

function githubActionsApp(links: Links): Record<string, unknown> {
  const owner = {
    login: 'github',
    id: 9919,
    type: 'Organization',
    createdAt: Date.UTC(2008, 4, 11),
    name: 'GitHub',
  } as const;
  return {
    id: 15368,
    slug: 'github-actions',
    node_id: nodeId('App', 15368),
    owner: simpleUser(links, owner),
    name: 'GitHub Actions',
    description: 'Automate your workflow from idea to production',
    external_url: 'https://help.github.com/en/actions',
    html_url: `${links.web}/apps/github-actions`,
    created_at: '2018-07-30T09:30:17Z',
    updated_at: '2019-12-10T19:04:12Z',
    permissions: { actions: 'write', checks: 'write', deployments: 'write', metadata: 'read' },
    events: ['check_run', 'check_suite', 'workflow_run'],
  };
}

/** The plain-text log of a job: timestamped lines for every step that has started by now. */
export function jobLog(j: JobView): string {
  const stamp = (ms: number): string => new Date(ms).toISOString().replace('Z', '0000Z');
  const lines: string[] = [];
  for (const step of j.steps) {
    if (step.startedAt === null) continue;
    const end = step.completedAt ?? step.startedAt;
    lines.push(`${stamp(step.startedAt)} ##[group]${step.name}`);
    lines.push(`${stamp(step.startedAt)} ${step.name} on runner for job ${j.plan.name}`);
    lines.push(`${stamp(step.startedAt)} ##[endgroup]`);
    if (step.conclusion === 'failure') lines.push(`${stamp(end)} ##[error]Process completed with exit code 1.`);
    else if (step.conclusion === 'cancelled') lines.push(`${stamp(end)} ##[error]The operation was canceled.`);
    else if (step.completedAt !== null) lines.push(`${stamp(end)} ${step.name} finished`);
  }
  return lines.map((l) => `${l}\n`).join('');
}
