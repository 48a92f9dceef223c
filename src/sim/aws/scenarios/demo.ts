// Acme Rockets: three projects with two weeks of history, ending with an
// approval waiting on storefront, a failing payments-api build, a Yellow
// Beanstalk environment, a rolled-back staging stack of the mobile backend
// and a failed storefront staging deployment (demo-targets.ts).
import type { World } from '../world';
import { days, hours, minutes } from '../world/context';
import { demoAws as names } from './demo-names';
import { buildDemoTargets } from './demo-targets';
import {
  approvalStage,
  beanstalkStage,
  buildStage,
  codeCommitSource,
  codeDeployStage,
  connectionSource,
} from './stages';

const people = [
  { name: 'Maya Chen', email: 'maya@acme-rockets.example' },
  { name: 'Jonas Weber', email: 'jonas@acme-rockets.example' },
  { name: 'Priya Nair', email: 'priya@acme-rockets.example' },
];
const userArn = (name: string): string => `arn:aws:iam::${names.account}:user/${name}`;
const commitMessages = [
  'Add idempotency keys to charge requests',
  'Bump aws-sdk to the latest minor',
  'Log the card network on declines',
  'Retry webhook delivery with backoff',
  'Validate currency codes against ISO 4217',
  'Split the ledger writer from the API handler',
  'Document the refund flow',
  'Cache exchange rates for five minutes',
  'Return 409 on duplicate payouts',
  'Tighten the CORS allow-list',
  'Cap refunds at the captured amount',
];

/** Builds the demo account; `now` is the present, history runs over the two weeks before it. */
export function buildDemo(world: World, now: number): void {
  const tag = (project: string): Record<string, string> => ({ [names.projectTag]: project });
  const random = world.ctx.random.fork('demo');
  // The demo's MFA device always shows this code, so assume-role with MFA can be tried by hand.
  world.policy.mfaCode = names.mfaCode;

  // Storefront: GitHub source through a connection, CodeBuild, a manual approval, CodeDeploy to 3 instances.
  const sf = names.storefront;
  const storefrontBuild = world.codebuild.addProject(sf.buildProject, {
    description: 'Builds the storefront web app',
    tags: tag(sf.project),
    exportedVariables: ['IMAGE_TAG'],
    tests: {
      passed: 212,
      failing: {
        file: 'src/cart/cart.test.ts',
        name: 'cart > applies the promo code once',
        error: 'AssertionError: expected 2 to be 1',
      },
    },
  });
  world.codedeploy.addApplication(sf.deployApplication, tag(sf.project));
  world.codedeploy.addGroup(sf.deployApplication, sf.deploymentGroup, 3);
  const storefront = world.pipelines.add(
    sf.pipeline,
    [
      connectionSource(sf.connectionArn, sf.fullRepositoryId),
      buildStage(sf.buildProject),
      approvalStage(sf.approvalStage, sf.approvalAction, sf.approvalCustomData, sf.approvalLink),
      codeDeployStage(sf.deployApplication, sf.deploymentGroup),
    ],
    tag(sf.project),
  );

  // Payments API: CodeCommit, CodeBuild (failing now), Elastic Beanstalk.
  const pa = names.paymentsApi;
  const repo = world.codecommit.addRepository(pa.repository, 'Payments, refunds and payouts API', tag(pa.project));
  world.codecommit.commit(repo, 'main', 'Initial commit', people[0] ?? { name: 'Maya Chen', email: '' });
  const build = world.codebuild.addProject(pa.buildProject, {
    description: 'Unit and contract tests for payments-api',
    tags: tag(pa.project),
    environmentVariables: [
      { name: 'NODE_ENV', value: 'test', type: 'PLAINTEXT' },
      { ...pa.plaintextSecret, type: 'PLAINTEXT' },
      { name: 'DATABASE_URL', value: '/payments-api/test/database-url', type: 'PARAMETER_STORE' },
      { name: 'STRIPE_API_KEY', value: 'payments-api/stripe:test_secret_key', type: 'SECRETS_MANAGER' },
    ],
    // The deploy stage reads both; exporting the password copies the secret into every build's answer too.
    exportedVariables: ['IMAGE_TAG', pa.plaintextSecret.name],
    reportGroup: pa.reportGroup,
    tests: {
      passed: pa.passingTests,
      skipped: pa.skippedTests,
      failing: {
        file: 'test/refunds.test.ts',
        name: pa.failingTest,
        error: 'AssertionError: expected 402 to be 400 // Object.is equality',
      },
    },
  });
  const env = world.beanstalk.addEnvironment(pa.beanstalkApplication, pa.environment, tag(pa.project));
  const payments = world.pipelines.add(
    pa.pipeline,
    [
      codeCommitSource(pa.repository),
      buildStage(pa.buildProject),
      beanstalkStage(pa.beanstalkApplication, pa.environment),
    ],
    tag(pa.project),
  );

  // Mobile backend: its code is on GitHub; AWS runs its integration tests.
  const mb = names.mobileBackend;
  world.codebuild.addProject(mb.buildProject, {
    description: 'Integration tests against the staging stack',
    source: { type: 'GITHUB', location: `https://github.com/${mb.githubRepository}.git` },
    tags: tag(mb.project),
    tests: { passed: 134, failing: { file: 'test/push.test.ts', name: 'push > delivers', error: 'Error: timeout' } },
  });

  // Approvals in the past were decided a little while after they appeared; the one started today waits.
  world.approver = (pipeline, execution) => {
    if (execution.startTime > now - 1 * days) return undefined;
    const rejected = pipeline.executions.length === 4;
    return {
      status: rejected ? 'Rejected' : 'Approved',
      summary: rejected ? 'Staging checkout is broken, holding this one' : 'Looks good on staging',
      by: userArn(rejected ? 'jonas' : 'maya'),
      afterMs: random.int(10, 120) * minutes,
    };
  };

  const start = now - 14 * days;
  for (let i = 0; i < 10; i += 1) {
    const at = start + i * 31 * hours + random.int(0, 4 * hours);
    world.at(at, () => {
      if (i === 3 || i === 7) storefrontBuild.failNext = 1;
      world.pipelines.start(storefront, { triggerType: 'Webhook', triggerDetail: sf.connectionArn });
    });
    const paAt = at + 5 * hours;
    world.at(paAt, () => {
      const author = people[i % people.length] ?? { name: 'Maya Chen', email: '' };
      world.codecommit.commit(repo, 'main', commitMessages[i] ?? 'Update', author);
      if (i === 2 || i === 5) build.failNext = 1;
      world.pipelines.start(payments, {
        triggerType: 'CloudWatchEvent',
        triggerDetail: `arn:aws:events:${names.region}:${names.account}:rule/codepipeline-payments-api-main`,
      });
    });
  }
  for (let at = start; at < now - 3 * hours; at += 11 * hours + random.int(0, 3 * hours)) {
    world.at(at, () =>
      world.codebuild.start(mb.buildProject, {
        initiator: 'GitHub-Hookshot/4f3c2a1',
        sourceVersion: 'refs/heads/main',
      }),
    );
  }

  // Today: a storefront release waits for approval; payments-api's latest change breaks a test.
  world.at(now - 50 * minutes, () =>
    world.pipelines.start(storefront, { triggerType: 'Webhook', triggerDetail: sf.connectionArn }),
  );
  world.at(now - 2 * hours, () => {
    world.codecommit.commit(
      repo,
      'main',
      commitMessages[10] ?? 'Update',
      people[2] ?? { name: 'Priya Nair', email: '' },
    );
    build.failNext = 1;
    world.pipelines.start(payments, {
      triggerType: 'CloudWatchEvent',
      triggerDetail: `arn:aws:events:${names.region}:${names.account}:rule/codepipeline-payments-api-main`,
    });
  });
  world.at(now - 35 * minutes, () =>
    world.beanstalk.setHealth(env, 'Yellow', [
      '25.0 % of the requests are failing with HTTP 5xx.',
      'Average latency is 2.3 seconds.',
    ]),
  );

  // Branches and pull requests on payments-api.
  world.at(now - 3 * days, () => {
    world.codecommit.commit(
      repo,
      'feature/refund-limits',
      'Cap refunds at the captured amount',
      people[1] ?? { name: 'Jonas Weber', email: '' },
      'main',
    );
    const approved = world.codecommit.openPullRequest(repo, {
      title: 'Cap refunds at the captured amount',
      description: 'Refunds above the captured amount now return 400.',
      authorArn: userArn('jonas'),
      source: 'feature/refund-limits',
    });
    approved.approvals.set(userArn('maya'), 'APPROVE');
    world.codecommit.commit(
      repo,
      'fix/currency-rounding',
      'Round currency at the edge, not in the ledger',
      people[2] ?? { name: 'Priya Nair', email: '' },
      'main',
    );
    world.codecommit.openPullRequest(repo, {
      title: 'Round currency at the edge',
      description: 'Moves rounding out of the ledger writer.',
      authorArn: userArn('priya'),
      source: 'fix/currency-rounding',
    });
  });
  buildDemoTargets(world, now);
  buildCatalog(world, now);
}

function buildCatalog(world: World, now: number): void {
  const pa = names.paymentsApi;
  const version = (v: string) => ({ version: v, revision: world.ctx.random.hex(24), status: 'Published' as const });
  world.catalog.artifactRepositories.push({
    domain: pa.artifactDomain,
    name: pa.artifactRepository,
    description: 'Acme Rockets internal packages',
    created: now - 200 * days,
    packages: [
      { format: 'npm', namespace: 'acme', name: 'ui-kit', versions: ['1.0.0', '1.1.0', '1.2.0', '1.2.1'].map(version) },
      { format: 'npm', namespace: 'acme', name: 'payments-client', versions: ['0.9.0', '1.0.0', '1.0.1'].map(version) },
      { format: 'npm', name: 'rocket-config', versions: ['2.0.0', '2.1.0'].map(version) },
    ],
  });
  const associationId = world.ctx.random.uuid();
  world.catalog.associations.push({
    id: associationId,
    name: pa.repository,
    owner: names.account,
    providerType: 'CodeCommit',
    state: 'Associated',
    updated: now - 30 * days,
  });
  world.catalog.codeReviews.push({
    arn: `arn:aws:codeguru-reviewer:${names.region}:${names.account}:association:${associationId}:code-review:RepositoryAnalysis-${pa.repository}-main-${world.ctx.random.hex(12)}`,
    name: `${pa.repository}-main-analysis`,
    associationId,
    repositoryName: pa.repository,
    owner: names.account,
    providerType: 'CodeCommit',
    type: 'RepositoryAnalysis',
    state: 'Completed',
    branch: 'main',
    commitId: world.ctx.random.hex(40),
    created: now - 2 * days,
    updated: now - 2 * days + 40 * minutes,
    meteredLines: 18_420,
    recommendations: [
      {
        id: 'r1',
        filePath: 'src/refunds/handler.ts',
        startLine: 42,
        endLine: 44,
        description:
          'The refund amount is read from the request without validation. Check it against the captured amount.',
        category: 'InputValidations',
        severity: 'High',
        ruleId: 'typescript/input-validation@v1.0',
        ruleName: 'Input validation',
      },
      {
        id: 'r2',
        filePath: 'src/ledger/writer.ts',
        startLine: 88,
        endLine: 88,
        description: 'A promise is created but never awaited. Errors from the ledger write are lost.',
        category: 'CodeMaintenanceIssues',
        severity: 'Medium',
        ruleId: 'typescript/unawaited-promise@v1.0',
        ruleName: 'Unawaited promise',
      },
      {
        id: 'r3',
        filePath: 'src/config.ts',
        startLine: 12,
        endLine: 12,
        description: 'A hardcoded credential-like string was found. Move it to AWS Secrets Manager.',
        category: 'SecurityIssues',
        severity: 'Critical',
        ruleId: 'typescript/hardcoded-credentials@v1.0',
        ruleName: 'Hardcoded credentials',
      },
    ],
  });
}
