// The demo workspace behind "Explore the demo workspace", `npm run demo` and
// `npm run web -- --demo`: the simulator's `demo` scenario, started in this
// process on loopback, and a workspace whose accounts point at it.
import { demoAws, RealtimeClock, startSimulator } from '../sim/index';
import type { Workspace } from '../shared/model';
import { emptyProjectEdits } from '../shared/projects';
import type { DemoBackend } from './hub/demo';

const { region, storefront, paymentsApi, mobileBackend } = demoAws;

/** The simulator signs any `ghp_` token in as demo-dev; this one is public and opens nothing real. */
const demoGitHubToken = 'ghp_starboarddemo0000000000000000000000000';

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
    // Discovery finds the three projects from the pipelines and the CodeStar tags; the demo has them confirmed.
    projects: {
      ...emptyProjectEdits,
      confirmed: [storefront.project, paymentsApi.project, mobileBackend.project],
      // No pipeline names the mobile backend's GitHub repository; the team added it to its project by hand.
      added: [{ project: mobileBackend.project, resource: mobileBackend.githubRepository }],
      // The CodeStar tags name them by id; the demo shows the names a team would give them.
      renamed: {
        [storefront.project]: 'Storefront',
        [paymentsApi.project]: 'Payments API',
        [mobileBackend.project]: 'Mobile backend',
      },
    },
  };
}

export async function startDemoWorkspace(): Promise<DemoBackend> {
  const sim = await startSimulator({ scenario: 'demo', seed: 1, port: 0, githubPort: 0, clock: new RealtimeClock() });
  return {
    workspace: demoWorkspace({ aws: sim.awsEndpoint, github: sim.githubApiUrl }),
    githubToken: demoGitHubToken,
    stop: () => sim.close(),
  };
}
