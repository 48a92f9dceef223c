// The GitHub side of the `hostile` scenario: one organization's repository
// (the source of the AWS hostile-api-pipeline) whose description, pull
// request titles, commit messages, workflow, job and step names (and so its
// job logs) carry the payloads of ../../hostile-payloads.ts, and a deploy
// run waiting on an environment whose name is as hostile as GitHub allows.
// Logins and repository names stay what GitHub allows.
import { hostile, hostileLine } from '../../hostile-payloads';
import type { Random } from '../../random';
import { addCommits, addEnvironment, addPull, addRepo, addWorkflow, day, hour, minute } from '../world/builder';
import type { SimUser, StepPlan } from '../world/model';
import { type JobTemplate, startRun } from '../world/runs';
import type { World } from '../world/world';
import { demoTokenPrefixes } from './demo';

export const hostileGitHub = {
  org: 'hostile-org',
  orgName: `Hostile ${hostile.img}`,
  repository: 'hostile-app',
  fullName: 'hostile-org/hostile-app',
  description: `App ${hostileLine} ${hostile.svg}`,
  /** Signs in with any demo-style token; a required reviewer of the hostile environment. */
  viewer: 'hostile-dev',
  /** Starts the waiting run, so the viewer may approve it. */
  actor: 'mallory',
  pullTitles: [`Add ${hostile.img} ${hostile.template}`, `Fix ${hostile.script} ${hostile.anchor}`],
  commitMessages: [
    `Ship ${hostile.svg} ${hostile.template}`,
    `Escape ${hostile.script}\n\nBody ${hostile.img} ${hostile.osc8}`,
  ],
  workflow: `CI ${hostile.template}`,
  deployWorkflow: `Deploy ${hostile.img}`,
  failingJob: `test ${hostile.img}`,
  /** Step names are printed in the job log as they run: each carries one payload. */
  hostileSteps: [
    `Run echo ${hostile.script}`,
    `Run echo ${hostile.template}`,
    `Run echo ${hostile.osc8}`,
    `Run echo ${hostile.terminal}`,
  ],
  /** GitHub allows any characters but a few in environment names; this one is markup and template syntax. */
  environment: `production ${hostile.img} {{7*7}}`,
} as const;

export function buildHostile(world: World): void {
  const random = world.random.fork('github-hostile');
  const now = world.now();
  const h = hostileGitHub;
  const org = world.org(h.org, h.orgName, [h.viewer, h.actor]);
  world.acceptTokenPrefixes(demoTokenPrefixes, h.viewer);
  const viewer = world.user(h.viewer, `Dev ${hostile.template}`);
  const actor = world.user(h.actor, `Mallory ${hostile.img}`);
  const repo = addRepo(world, {
    owner: org,
    name: h.repository,
    private: true,
    description: h.description,
    language: 'TypeScript',
    createdAt: now - 100 * day,
  });
  const main = addCommits(repo, random, 'main', 4, { from: now - 5 * day, until: now - 2 * hour }, [viewer, actor]);
  // Newest first on the page: the payloads are the latest two messages.
  main.slice(-2).forEach((commit, i) => (commit.message = h.commitMessages[i] ?? commit.message));

  const ci = addWorkflow(world, repo, h.workflow, 'ci.yml', now - 90 * day);
  h.pullTitles.forEach((title, i) => {
    const pull = addPull(world, repo, random, {
      title,
      author: actor,
      headRef: `feature/payload-${i + 1}`,
      createdAt: now - (i + 1) * day,
      commits: 2,
      now,
    });
    pull.body = `${hostileLine}\n\n${hostile.osc8}`;
    startRun(world, repo, {
      workflowId: ci.id,
      event: 'pull_request',
      headBranch: pull.headRef,
      headSha: pull.headSha,
      actor,
      createdAt: pull.updatedAt + minute,
      stages: [[testJob(random, i === 0)]],
      pullNumbers: [pull.number],
    });
  });
  buildWaitingDeploy(world, random, repo, viewer, actor, now);
}

/** A test job whose step names are the payloads; the failing one fails on its last payload step. */
function testJob(random: Random, fail: boolean): JobTemplate {
  const names = ['Set up job', ...hostileGitHub.hostileSteps, 'Run npm test', 'Complete job'];
  return {
    name: hostileGitHub.failingJob,
    queueMs: random.int(2, 10) * 1000,
    steps: names.map((name): StepPlan => ({ name, durationMs: random.int(3, 20) * 1000 })),
    ...(fail && { failAtStep: names.length - 2 }),
  };
}

function buildWaitingDeploy(
  world: World,
  random: Random,
  repo: Parameters<typeof startRun>[1],
  viewer: SimUser,
  actor: SimUser,
  now: number,
): void {
  const h = hostileGitHub;
  const deploy = addWorkflow(world, repo, h.deployWorkflow, 'deploy.yml', now - 90 * day);
  addEnvironment(world, repo, h.environment, now - 90 * day, { reviewers: [viewer], preventSelfReview: true });
  const head = repo.branches.get('main');
  const commit = head === undefined ? undefined : repo.commits.get(head);
  if (!commit) throw new Error('the hostile repository has no main branch');
  const step = (name: string): StepPlan => ({ name, durationMs: random.int(3, 15) * 1000 });
  startRun(world, repo, {
    workflowId: deploy.id,
    event: 'push',
    headBranch: 'main',
    headSha: commit.sha,
    actor,
    createdAt: now - 30 * minute,
    stages: [
      [{ name: 'build', queueMs: 3000, steps: ['Set up job', 'Build image', 'Complete job'].map(step) }],
      [
        {
          name: `deploy ${hostile.template}`,
          environment: h.environment,
          queueMs: 3000,
          steps: ['Set up job', 'Deploy', 'Complete job'].map(step),
        },
      ],
    ],
  });
}
