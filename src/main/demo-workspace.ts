// The demo workspace behind "Explore the demo workspace", `npm run demo` and
// `npm run web -- --demo`: the simulator's `demo` scenario, started in this
// process on loopback, and a workspace whose accounts point at it.
import { demoAws, RealtimeClock, startSimulator } from '../sim/index';
import type { Workspace } from '../shared/model';
import type { DemoBackend } from './hub/demo';

const { account, region, storefront, paymentsApi, mobileBackend } = demoAws;
const arn = (service: string, resource: string) => `arn:aws:${service}:${region}:${account}:${resource}`;

/** The demo's projects, named as the simulator's `demo` scenario lays them out. */
export function demoWorkspace(endpoints: { aws: string; github: string }): Workspace {
  return {
    awsAccounts: [
      {
        id: 'acme-rockets-aws',
        label: `${demoAws.company} (demo)`,
        profile: null,
        regions: [region],
        endpointUrl: endpoints.aws,
      },
    ],
    githubAccounts: [{ id: 'acme-rockets-github', label: 'acme-rockets on GitHub (demo)', host: endpoints.github }],
    projects: [
      {
        id: storefront.project,
        name: 'Storefront',
        resources: [
          arn('codepipeline', storefront.pipeline),
          arn('codebuild', `project/${storefront.buildProject}`),
          arn('codedeploy', `deploymentgroup:${storefront.deployApplication}/${storefront.deploymentGroup}`),
          storefront.fullRepositoryId,
        ],
      },
      {
        id: paymentsApi.project,
        name: 'Payments API',
        resources: [
          arn('codepipeline', paymentsApi.pipeline),
          arn('codecommit', paymentsApi.repository),
          arn('codebuild', `project/${paymentsApi.buildProject}`),
          arn('elasticbeanstalk', `environment/${paymentsApi.beanstalkApplication}/${paymentsApi.environment}`),
        ],
      },
      {
        id: mobileBackend.project,
        name: 'Mobile backend',
        resources: [mobileBackend.githubRepository, arn('codebuild', `project/${mobileBackend.buildProject}`)],
      },
    ],
  };
}

export async function startDemoWorkspace(): Promise<DemoBackend> {
  const sim = await startSimulator({ scenario: 'demo', seed: 1, port: 0, githubPort: 0, clock: new RealtimeClock() });
  return {
    workspace: demoWorkspace({ aws: sim.awsEndpoint, github: sim.githubApiUrl }),
    stop: () => sim.close(),
  };
}
