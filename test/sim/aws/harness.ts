// Starts the AWS half of the simulator for a test, with a manual clock.
import { type AwsSim, startAwsSim } from '../../../src/sim/aws';
import { ManualClock } from '../../../src/sim/clock';
import { FaultInjector } from '../../../src/sim/faults';
import { Random } from '../../../src/sim/random';
import { RequestLog } from '../../../src/sim/requests';
import type { ScenarioName } from '../../../src/sim/scenarios';
import type { AwsAccountTarget } from '../../../src/main/sources/aws/client-config';
import type { AwsLocation } from '../../../src/shared/sources';

export interface Harness extends AwsSim {
  clock: ManualClock;
  faults: FaultInjector;
  requests: RequestLog;
  /** Client settings for the real SDK: the simulator's endpoint and dummy static credentials. */
  config: { endpoint: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string } };
  /** The same, as the app's AWS sources take it. */
  target: AwsAccountTarget;
  location: AwsLocation;
}

export async function startHarness(scenario: ScenarioName = 'demo', scale = 10, seed = 1): Promise<Harness> {
  const clock = new ManualClock();
  const faults = new FaultInjector(new Random(seed).fork('faults'));
  const requests = new RequestLog();
  const sim = await startAwsSim({ scenario, seed, scale, clock, faults, requests, port: 0 });
  const region = 'us-east-1';
  const credentials = { accessKeyId: 'AKIDSIMTEST', secretAccessKey: 'secret' };
  return {
    ...sim,
    clock,
    faults,
    requests,
    config: { endpoint: sim.endpoint, region, credentials },
    target: { accountKey: 'sim', region, credentials: () => Promise.resolve(credentials), endpointUrl: sim.endpoint },
    location: { accountKey: 'sim', accountId: sim.control.world.policy.account, region },
  };
}
