// Starts the AWS half of the simulator for a test, with a manual clock.
import { type AwsSim, startAwsSim } from '../../../src/sim/aws';
import { ManualClock } from '../../../src/sim/clock';
import { FaultInjector } from '../../../src/sim/faults';
import { Random } from '../../../src/sim/random';
import { RequestLog } from '../../../src/sim/requests';
import type { ScenarioName } from '../../../src/sim/scenarios';

export interface Harness extends AwsSim {
  clock: ManualClock;
  faults: FaultInjector;
  requests: RequestLog;
  /** Client settings for the real SDK: the simulator's endpoint and dummy static credentials. */
  config: { endpoint: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string } };
}

export async function startHarness(scenario: ScenarioName = 'demo', scale = 10, seed = 1): Promise<Harness> {
  const clock = new ManualClock();
  const faults = new FaultInjector(new Random(seed).fork('faults'));
  const requests = new RequestLog();
  const sim = await startAwsSim({ scenario, seed, scale, clock, faults, requests, port: 0 });
  return {
    ...sim,
    clock,
    faults,
    requests,
    config: {
      endpoint: sim.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDSIMTEST', secretAccessKey: 'secret' },
    },
  };
}
