// The demo's deploy targets beyond the storefront pipeline's group and the
// payments API's environment: the mobile backend's infrastructure pipeline
// (a staging stack whose latest update rolled back, a healthy ECS service in
// production) and the storefront's staging group, deployed by hand, whose
// latest deployment failed ValidateService on one instance.
import type { Random } from '../../random';
import type { World } from '../world';
import { days, hours, minutes } from '../world/context';
import { defaultFailure } from '../world/codedeploy';
import { demoAws as names } from './demo-names';
import { buildStage, cloudFormationStage, connectionSource, ecsStage } from './stages';

const tag = (project: string): Record<string, string> => ({ [names.projectTag]: project });

/** Adds both, with their history over the two weeks before `now`. */
export function buildDemoTargets(world: World, now: number): void {
  const random = world.ctx.random.fork('demo-targets');
  buildMobileBackendInfra(world, now, random);
  buildStorefrontStaging(world, now, random);
}

function buildMobileBackendInfra(world: World, now: number, random: Random): void {
  const mb = names.mobileBackend;
  const image = world.codebuild.addProject(mb.imageBuildProject, {
    description: 'Builds the mobile backend image and the imagedefinitions.json its ECS deploy reads',
    tags: tag(mb.project),
    exportedVariables: ['IMAGE_TAG'],
    tests: { passed: 86, failing: { file: 'test/devices.test.ts', name: 'devices > registers', error: 'Error: 503' } },
  });
  const stack = world.cloudformation.addStack(
    mb.stagingStack,
    [
      { logicalId: 'DevicesTable', type: 'AWS::DynamoDB::Table' },
      { logicalId: 'ApiTaskDefinition', type: 'AWS::ECS::TaskDefinition' },
      { logicalId: mb.failingResource, type: 'AWS::SQS::Queue' },
      { logicalId: mb.cancelledResource, type: 'AWS::ECS::Service' },
    ],
    'Mobile backend staging: API service, push queue and device table',
  );
  world.ecs.addService(mb.cluster, mb.service, mb.serviceTasks);
  const pipeline = world.pipelines.add(
    mb.pipeline,
    [
      connectionSource(mb.connectionArn, mb.githubRepository),
      buildStage(mb.imageBuildProject),
      cloudFormationStage('Staging', mb.stagingStack, {
        templatePath: 'SourceArtifact::infra/staging.yml',
        roleArn: `arn:aws:iam::${names.account}:role/mobile-backend-cloudformation`,
        parameterOverrides: JSON.stringify({ Environment: 'staging' }),
      }),
      ecsStage('Production', mb.cluster, mb.service),
    ],
    tag(mb.project),
  );
  const start = (): void =>
    void world.pipelines.start(pipeline, { triggerType: 'Webhook', triggerDetail: mb.connectionArn });

  // Six releases over the two weeks (the third one's build fails), each rolled out to production.
  for (let i = 0; i < 6; i += 1) {
    world.at(now - 14 * days + i * 55 * hours + random.int(0, 6 * hours), () => {
      if (i === 2) image.failNext = 1;
      start();
    });
  }
  // This morning's change breaks the push queue's template: staging rolls back, production keeps the last release.
  world.at(now - 4 * hours, () => {
    stack.failNext = {
      logicalId: mb.failingResource,
      reason:
        'Resource handler returned message: "Invalid value for the parameter MessageRetentionPeriod. ' +
        `(Service: Sqs, Status Code: 400, Request ID: ${random.uuid()})" ` +
        `(RequestToken: ${random.uuid()}, HandlerErrorCode: InvalidRequest)`,
      cancels: [mb.cancelledResource],
    };
    start();
  });
}

const stagingDescriptions = [
  'Try the new checkout flow on staging',
  'Staging: product search with typo tolerance',
  'Check the image CDN switch on staging',
  'Staging run of the React 19 upgrade',
  'Release candidate 2.14 on staging',
  'Staging: Apple Pay behind a flag',
];

function buildStorefrontStaging(world: World, now: number, random: Random): void {
  const sf = names.storefront;
  const group = world.codedeploy.addGroup(sf.deployApplication, sf.stagingGroup, sf.stagingInstances, tag(sf.project));
  // A developer deploys a commit of the repository by hand every few days; the latest fails its health check.
  const deploy = (at: number, description: string, fails: boolean): void =>
    world.at(at, () => {
      if (fails) {
        group.failNext = 1;
        group.failWith = { ...defaultFailure, instance: 1 };
      }
      const commitId = random.hex(40);
      world.codedeploy.deploy(group, {
        viaPipeline: false,
        revision: commitId,
        location: { revisionType: 'GitHub', gitHubLocation: { repository: sf.fullRepositoryId, commitId } },
        description,
      });
    });
  stagingDescriptions.slice(0, -1).forEach((description, i) => {
    deploy(now - (13 - 3 * i) * days + random.int(0, 8 * hours), description, false);
  });
  deploy(now - 2 * hours - random.int(0, 20) * minutes, stagingDescriptions.at(-1) ?? '', true);
}
