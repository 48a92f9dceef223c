// A small account whose free text is hostile (see ../../hostile-payloads.ts):
// a pipeline waiting on an approval whose note and link are payloads, a
// failed build whose log carries markup, template syntax and terminal
// escapes, a CodeCommit repository with hostile description, commits and
// pull request, a failed CodeDeploy deployment, a Red Beanstalk environment
// and a rolled-back stack with hostile reasons. Names AWS constrains stay legal.
import { hostile, hostileLine } from '../../hostile-payloads';
import type { World } from '../world';
import type { Build } from '../world/codebuild';
import { days, hours, minutes } from '../world/context';
import {
  approvalStage,
  beanstalkStage,
  buildStage,
  cloudFormationStage,
  codeCommitSource,
  codeDeployStage,
  connectionSource,
} from './stages';

export const hostileAws = {
  account: '111122223333',
  region: 'us-east-1',
  projectTag: 'starboard:project',
  shop: {
    project: 'hostile-shop',
    repository: 'hostile-shop',
    repositoryDescription: `Shop ${hostileLine} ${hostile.svg}`,
    branch: 'feature/payloads',
    pullRequestTitle: `Fix ${hostile.img} ${hostile.template}`,
    commitMessages: [
      `Add checkout ${hostile.script}`,
      `Render ${hostile.anchor} ${hostile.svg}`,
      `Template ${hostile.template}\n\nBody ${hostile.img} ${hostile.osc8}`,
    ],
    buildProject: 'hostile-shop-build',
    buildDescription: `Builds ${hostile.img} ${hostile.template}`,
    pipeline: 'hostile-shop-pipeline',
    approvalStage: 'Approval',
    approvalAction: 'ApproveRelease',
    approvalCustomData: `Check ${hostileLine} ${hostile.anchor}`,
    approvalLink: hostile.javascriptUrl,
    deployApplication: 'hostile-shop',
    deploymentGroup: 'hostile-shop-prod',
    deploymentDescription: `Manual ${hostile.img} ${hostile.template}`,
    /** Lines the failing build prints (besides CodeBuild's own), one payload each. */
    logLines: [
      `> ${hostile.script}`,
      `> ${hostile.img}`,
      `> ${hostile.template}`,
      `> ${hostile.osc8}`,
      `> ${hostile.terminal}`,
    ],
  },
  api: {
    project: 'hostile-api',
    githubRepository: 'hostile-org/hostile-app',
    connectionArn: 'arn:aws:codeconnections:us-east-1:111122223333:connection/0b1e7d2c-hostile',
    pipeline: 'hostile-api-pipeline',
    buildProject: 'hostile-api-build',
    stack: 'hostile-api-staging',
    stackDescription: `Staging ${hostile.svg} ${hostile.template}`,
    stackFailure: `Resource handler returned message: "${hostile.img} ${hostile.template}"`,
    beanstalkApplication: 'hostile-api',
    environment: 'hostile-api-prod',
    healthCauses: [`Cause ${hostile.img}`, `Cause ${hostile.template}`],
    eventMessage: `Event ${hostile.script} ${hostile.svg}`,
  },
} as const;

const tag = (project: string): Record<string, string> => ({ [hostileAws.projectTag]: project });
const mallory = { name: 'Mallory {{7*7}} ${7*7}', email: 'mallory@hostile.example' };

/** Builds the hostile account; `now` is the present, its history runs over the few days before it. */
export function buildHostile(world: World, now: number): void {
  buildShop(world, now);
  buildApi(world, now);
}

function buildShop(world: World, now: number): void {
  const shop = hostileAws.shop;
  const repo = world.codecommit.addRepository(shop.repository, shop.repositoryDescription, tag(shop.project));
  world.codecommit.commit(repo, 'main', 'Initial commit', mallory);
  const build = world.codebuild.addProject(shop.buildProject, {
    description: shop.buildDescription,
    tags: tag(shop.project),
    tests: {
      passed: 12,
      failing: { file: `test/${hostile.template}.test.ts`, name: hostile.img, error: `Error: ${hostile.osc8}` },
    },
  });
  world.codedeploy.addApplication(shop.deployApplication, tag(shop.project));
  const group = world.codedeploy.addGroup(shop.deployApplication, shop.deploymentGroup, 2);
  const pipeline = world.pipelines.add(
    shop.pipeline,
    [
      codeCommitSource(shop.repository),
      buildStage(shop.buildProject),
      approvalStage(shop.approvalStage, shop.approvalAction, shop.approvalCustomData, shop.approvalLink),
      codeDeployStage(shop.deployApplication, shop.deploymentGroup),
    ],
    tag(shop.project),
  );
  const trigger = { triggerType: 'CloudWatchEvent', triggerDetail: `rule/codepipeline-${shop.repository}-main` };

  // Two days ago a change broke the build; an hour ago a fix went through and now waits for approval.
  world.at(now - 2 * days, () => {
    world.codecommit.commit(repo, 'main', shop.commitMessages[0], mallory);
    build.failNext = 1;
    world.pipelines.start(pipeline, trigger);
  });
  world.at(now - 1 * hours, () => {
    world.codecommit.commit(repo, 'main', shop.commitMessages[1], mallory);
    world.pipelines.start(pipeline, trigger);
  });
  // A developer re-ran the tests by hand a few minutes ago: they fail again, printing every payload.
  world.at(now - 20 * minutes, () => {
    build.failNext = 1;
    world.codebuild.start(shop.buildProject, {
      initiator: 'mallory',
      sourceVersion: 'refs/heads/main',
      onComplete: (done: Build) => {
        for (const line of shop.logLines) world.ctx.logs.write(done.logGroup, done.logStream, world.now(), line);
      },
    });
  });
  world.at(now - 3 * hours, () => {
    world.codecommit.commit(repo, shop.branch, shop.commitMessages[2], mallory, 'main');
    world.codecommit.openPullRequest(repo, {
      title: shop.pullRequestTitle,
      description: `${hostileLine}\n${hostile.osc8}`,
      authorArn: `arn:aws:iam::${hostileAws.account}:user/mallory`,
      source: shop.branch,
    });
  });
  // Deployed by hand yesterday: the deployment failed its health check, its script log full of payloads.
  world.at(now - 1 * days, () => {
    group.failNext = 1;
    group.failWith = {
      scriptName: 'scripts/validate.sh',
      message: `Script failed: ${hostile.img} ${hostile.template}`,
      logTail: `[stdout]${hostile.script}\n[stderr]${hostile.osc8}\n[stderr]${hostile.terminal}\n`,
    };
    world.codedeploy.deploy(group, {
      viaPipeline: false,
      revision: world.ctx.random.hex(40),
      description: shop.deploymentDescription,
    });
  });
}

function buildApi(world: World, now: number): void {
  const api = hostileAws.api;
  world.codebuild.addProject(api.buildProject, { description: `Image ${hostile.svg}`, tags: tag(api.project) });
  const stack = world.cloudformation.addStack(
    api.stack,
    [
      { logicalId: 'Queue', type: 'AWS::SQS::Queue' },
      { logicalId: 'Service', type: 'AWS::ECS::Service' },
    ],
    api.stackDescription,
  );
  const env = world.beanstalk.addEnvironment(api.beanstalkApplication, api.environment, tag(api.project));
  const pipeline = world.pipelines.add(
    api.pipeline,
    [
      connectionSource(api.connectionArn, api.githubRepository),
      buildStage(api.buildProject),
      cloudFormationStage('Staging', api.stack, {
        templatePath: 'SourceArtifact::infra/staging.yml',
        roleArn: `arn:aws:iam::${hostileAws.account}:role/hostile-api-cloudformation`,
      }),
      beanstalkStage(api.beanstalkApplication, api.environment),
    ],
    tag(api.project),
  );
  // This morning's release broke the staging stack; it rolled back with the handler's (hostile) message.
  world.at(now - 4 * hours, () => {
    stack.failNext = { logicalId: 'Queue', reason: api.stackFailure, cancels: ['Service'] };
    world.pipelines.start(pipeline, { triggerType: 'Webhook', triggerDetail: api.connectionArn });
  });
  world.at(now - 30 * minutes, () => {
    world.beanstalk.event(env, 'ERROR', api.eventMessage);
    world.beanstalk.setHealth(env, 'Red', [...api.healthCauses]);
  });
}
