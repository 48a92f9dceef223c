// The demo company, Acme Rockets: a storefront with pull requests and CI (the
// source of the AWS storefront-pipeline), a mobile backend that deploys
// through staging to a protected production environment and is waiting for
// review right now, and a quiet docs repository.
import type { Random } from '../../random';
import {
  addCommits,
  addEnvironment,
  addPull,
  addRepo,
  addWorkflow,
  ciStages,
  day,
  deployStages,
  hour,
  minute,
  plannedDuration,
} from '../world/builder';
import type { Repository, SimUser } from '../world/model';
import { reviewEveryGate, startRun } from '../world/runs';
import type { World } from '../world/world';

/** Tokens with these prefixes all sign in as `demo-dev` in the demo and faults scenarios. */
export const demoTokenPrefixes = ['ghp_', 'github_pat_', 'gho_'] as const;

export function buildDemo(world: World): void {
  const random = world.random.fork('github-demo');
  const now = world.now();
  const org = world.org('acme-rockets', 'Acme Rockets', ['demo-dev', 'maria-ops', 'jules-frontend', 'sam-qa']);
  world.acceptTokenPrefixes(demoTokenPrefixes, 'demo-dev');
  const people = ['demo-dev', 'maria-ops', 'jules-frontend', 'sam-qa'].map((login) => world.user(login));
  buildStorefront(world, random.fork('storefront'), org, people, now);
  buildMobileBackend(world, random.fork('mobile-backend'), org, people, now);
  const docs = addRepo(world, {
    owner: org,
    name: 'docs',
    private: false,
    description: 'Acme Rockets engineering handbook',
    language: 'Markdown',
    createdAt: now - 400 * day,
  });
  addCommits(docs, random.fork('docs'), 'main', 8, { from: now - 200 * day, until: now - 45 * day }, people);
}

function buildStorefront(world: World, random: Random, org: SimUser, people: SimUser[], now: number): void {
  const [demoDev, maria, jules, sam] = people as [SimUser, SimUser, SimUser, SimUser];
  const repo = addRepo(world, {
    owner: org,
    name: 'storefront',
    private: true,
    description: 'Acme Rockets web shop; built and deployed by the storefront-pipeline CodePipeline',
    language: 'TypeScript',
    createdAt: now - 300 * day,
  });
  const main = addCommits(repo, random, 'main', 40, { from: now - 30 * day, until: now - 3 * hour }, people);
  const ci = addWorkflow(world, repo, 'CI', 'ci.yml', now - 290 * day);
  for (const [i, commit] of main.slice(-8).entries()) {
    const stages = ciStages(random, i === 3);
    startRun(world, repo, {
      workflowId: ci.id,
      event: 'push',
      headBranch: 'main',
      headSha: commit.sha,
      actor: commit.author,
      createdAt: commit.at + minute,
      stages,
    });
  }
  const pulls = [
    {
      title: 'Add Apple Pay to checkout',
      author: jules,
      ref: 'feature/apple-pay',
      age: 2 * day,
      fail: false,
      running: false,
    },
    {
      title: 'Serve product images from CloudFront',
      author: sam,
      ref: 'feature/cloudfront-images',
      age: 4 * day,
      fail: true,
      running: false,
    },
    { title: 'Upgrade to React 19', author: demoDev, ref: 'chore/react-19', age: 6 * hour, fail: false, running: true },
  ];
  for (const spec of pulls) {
    const pull = addPull(world, repo, random, {
      title: spec.title,
      author: spec.author,
      headRef: spec.ref,
      createdAt: now - spec.age,
      commits: 3,
      now,
    });
    const stages = ciStages(random, spec.fail);
    // The running pull request's CI started a few minutes ago, so it is still going.
    const createdAt = spec.running ? now - Math.round(plannedDuration(stages) / 3) : pull.updatedAt + minute;
    startRun(world, repo, {
      workflowId: ci.id,
      event: 'pull_request',
      headBranch: spec.ref,
      headSha: pull.headSha,
      actor: spec.author,
      createdAt,
      stages,
      pullNumbers: [pull.number],
    });
    const reviewer = spec.author === demoDev ? jules : spec.fail ? maria : demoDev;
    pull.reviews.push({
      id: world.ids.next('review'),
      user: reviewer,
      state: spec.fail ? 'CHANGES_REQUESTED' : spec.running ? 'COMMENTED' : 'APPROVED',
      body: spec.fail ? 'The image URLs break the cache headers; see the failing integration test.' : 'Nice work.',
      commitId: pull.headSha,
      at: pull.updatedAt + 20 * minute,
    });
    repo.statuses.set(pull.headSha, [
      {
        id: world.ids.next('commitStatus'),
        context: 'codecov/patch',
        state: spec.fail ? 'failure' : 'success',
        description: spec.fail ? '61.2% of diff hit (target 80%)' : '92.4% of diff hit (target 80%)',
        targetUrl: `https://codecov.example/acme-rockets/storefront/pull/${pull.number}`,
        creator: world.user('codecov-bot'),
        at: pull.updatedAt + 5 * minute,
      },
    ]);
  }
}

function buildMobileBackend(world: World, random: Random, org: SimUser, people: SimUser[], now: number): void {
  const [demoDev, maria] = people as [SimUser, SimUser];
  const repo: Repository = addRepo(world, {
    owner: org,
    name: 'mobile-backend',
    private: true,
    description: 'API behind the Acme Rockets mobile app',
    language: 'Go',
    createdAt: now - 500 * day,
  });
  const deploy = addWorkflow(world, repo, 'Deploy', 'deploy.yml', now - 480 * day);
  addEnvironment(world, repo, 'staging', now - 480 * day);
  addEnvironment(world, repo, 'production', now - 480 * day, { reviewers: [demoDev, maria], preventSelfReview: true });
  const commits = addCommits(repo, random, 'main', 14, { from: now - 14 * day, until: now - 40 * minute }, people);
  for (const [i, commit] of commits.entries()) {
    const latest = i === commits.length - 1;
    const stages = deployStages(random, ['staging', 'production'], i === 4 || i === 9);
    // The latest run was started by maria-ops so demo-dev may approve it (production prevents self-review).
    const actor = latest ? maria : commit.author;
    const run = startRun(world, repo, {
      workflowId: deploy.id,
      event: 'push',
      headBranch: 'main',
      headSha: commit.sha,
      actor,
      createdAt: commit.at + minute,
      stages,
    });
    if (!latest)
      reviewEveryGate(world, repo, run, actor.login === maria.login ? demoDev : maria, random.int(5, 90) * minute);
  }
}
