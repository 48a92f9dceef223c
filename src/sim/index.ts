// Starts the simulated AWS account and GitHub host together, sharing one
// clock, one fault injector and one request log. Used by `npm run sim`, the
// demo workspace, integration tests and benches.
import { type AwsSimControl, startAwsSim } from './aws';
import { RealtimeClock, type SimClock } from './clock';
import { FaultInjector } from './faults';
import { type GitHubSimControl, startGitHubSim } from './github';
import { Random } from './random';
import { RequestLog } from './requests';
import { defaultScenarioOptions, type ScenarioName } from './scenarios';

export { demoAws } from './aws';
export type { AwsSimControl, WaitingApproval } from './aws';
export { ManualClock, RealtimeClock } from './clock';
export type { SimClock } from './clock';
export { scenarioNames, type ScenarioName } from './scenarios';

export interface SimulatorOptions {
  scenario?: ScenarioName;
  seed?: number;
  /** Size of the `scale` scenario (pipelines). */
  scale?: number;
  /** AWS endpoint port; 0 picks a free one. */
  port?: number;
  /** GitHub API port; 0 picks a free one. */
  githubPort?: number;
  /** Defaults to real time; tests pass a ManualClock. */
  clock?: SimClock;
}

export interface Simulator {
  awsEndpoint: string;
  githubApiUrl: string;
  githubEnterpriseApiUrl: string;
  clock: SimClock;
  faults: FaultInjector;
  requests: RequestLog;
  aws: AwsSimControl;
  github: GitHubSimControl;
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const scenario = options.scenario ?? defaultScenarioOptions.scenario;
  const seed = options.seed ?? defaultScenarioOptions.seed;
  const scale = options.scale ?? defaultScenarioOptions.scale;
  const clock = options.clock ?? new RealtimeClock();
  const faults = new FaultInjector(new Random(seed).fork('faults'));
  const requests = new RequestLog();
  const shared = { scenario, seed, scale, clock, faults, requests };
  const aws = await startAwsSim({ ...shared, port: options.port ?? 0 });
  let github;
  try {
    github = await startGitHubSim({ ...shared, port: options.githubPort ?? 0 });
  } catch (error) {
    await aws.close();
    throw error;
  }
  return {
    awsEndpoint: aws.endpoint,
    githubApiUrl: github.url,
    githubEnterpriseApiUrl: github.enterpriseUrl,
    clock,
    faults,
    requests,
    aws: aws.control,
    github: github.control,
    close: async () => {
      await Promise.all([aws.close(), github.close()]);
    },
  };
}
