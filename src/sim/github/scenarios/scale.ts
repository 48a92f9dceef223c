// A large organisation sized by `scale`: about scale/2 repositories, each with
// CI and often a deploy workflow, a week of runs (about one in ten still
// running), pull requests and environments. Deterministic from the seed.
import {
  addCommits,
  addEnvironment,
  addPull,
  addRepo,
  addWorkflow,
  ciStages,
  day,
  deployStages,
  minute,
  plannedDuration,
} from '../world/builder';
import type { SimUser } from '../world/model';
import { reviewEveryGate, startRun } from '../world/runs';
import type { World } from '../world/world';
import { demoTokenPrefixes } from './demo';

export function buildScale(world: World, scale: number): void {
  const random = world.random.fork('github-scale');
  const now = world.now();
  const logins = ['demo-dev', ...Array.from({ length: 12 }, (_, i) => `engineer-${i + 1}`)];
  const org = world.org('orbital-freight', 'Orbital Freight', logins);
  world.acceptTokenPrefixes(demoTokenPrefixes, 'demo-dev');
  const people = logins.map((login) => world.user(login));
  const reviewer = world.user('demo-dev');
  const repoCount = Math.max(1, Math.ceil(scale / 2));
  for (let n = 1; n <= repoCount; n++) {
    const r = random.fork(`repo-${n}`);
    const repo = addRepo(world, {
      owner: org,
      name: `service-${String(n).padStart(3, '0')}`,
      private: true,
      description: `Orbital Freight service number ${n}`,
      language: r.pick(['Go', 'TypeScript', 'Python', 'Java']),
      createdAt: now - r.int(100, 900) * day,
    });
    const commits = addCommits(
      repo,
      r,
      'main',
      r.int(6, 14),
      { from: now - 7 * day, until: now - r.int(5, 600) * minute },
      people,
    );
    const ci = addWorkflow(world, repo, 'CI', 'ci.yml', repo.createdAt);
    const deploys = r.chance(0.6);
    const deploy = deploys ? addWorkflow(world, repo, 'Deploy', 'deploy.yml', repo.createdAt) : undefined;
    if (deploy) {
      addEnvironment(world, repo, 'staging', repo.createdAt);
      addEnvironment(world, repo, 'production', repo.createdAt, { reviewers: [reviewer] });
    }
    for (const [i, commit] of commits.entries()) {
      const last = i === commits.length - 1;
      // The newest two pushes may still be running: about a tenth of all runs in the end.
      const running = i >= commits.length - 2 && r.chance(0.45);
      const stages = deploy ? deployStages(r, ['staging', 'production'], r.chance(0.1)) : ciStages(r, r.chance(0.15));
      const createdAt = running ? now - Math.round(plannedDuration(stages) * 0.3) : commit.at + minute;
      const run = startRun(world, repo, {
        workflowId: (deploy ?? ci).id,
        event: 'push',
        headBranch: 'main',
        headSha: commit.sha,
        actor: commit.author,
        createdAt,
        stages,
      });
      // Older deploys were approved; the newest one may still wait for review.
      if (deploy && !(last && r.chance(0.5))) reviewEveryGate(world, repo, run, reviewer, r.int(5, 120) * minute);
    }
    const pullCount = r.int(0, 3);
    for (let p = 1; p <= pullCount; p++) {
      const author: SimUser = r.pick(people);
      const pull = addPull(world, repo, r, {
        title: `Change ${p} to ${repo.name}`,
        author,
        headRef: `topic/change-${p}`,
        createdAt: now - r.int(1, 5) * day,
        commits: r.int(1, 4),
        now,
      });
      const stages = ciStages(r, r.chance(0.2));
      const running = r.chance(0.3);
      const createdAt = running ? now - Math.round(plannedDuration(stages) * 0.3) : pull.updatedAt + minute;
      startRun(world, repo, {
        workflowId: ci.id,
        event: 'pull_request',
        headBranch: pull.headRef,
        headSha: pull.headSha,
        actor: author,
        createdAt,
        stages,
        pullNumbers: [pull.number],
      });
    }
  }
}
