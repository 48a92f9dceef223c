// A BuildSource wired to the simulator the way the app wires it: real SDK
// clients from clientConfig (adaptive reads with 3 attempts, writes with 1),
// and the simulator's request log to count what it spends.
import { CodeBuildClient } from '@aws-sdk/client-codebuild';
import { clientConfig } from '../../../src/main/sources/aws/client-config';
import { BuildSource, type BuildSourceOptions } from '../../../src/main/sources/aws/codebuild/build-source';
import type { ScenarioName } from '../../../src/sim/scenarios';
import { type Harness, startHarness } from '../../sim/aws/harness';

export interface BuildRig {
  sim: Harness;
  read: CodeBuildClient;
  write: CodeBuildClient;
  source: BuildSource;
  /** CodeBuild requests since the last `sim.requests.reset()`, of one operation or all. */
  calls(operation?: string): number;
  close(): Promise<void>;
}

export async function startBuildRig(
  scenario: ScenarioName = 'demo',
  scale = 10,
  options: BuildSourceOptions = {},
): Promise<BuildRig> {
  const sim = await startHarness(scenario, scale);
  const { target, location } = sim;
  const read = new CodeBuildClient(clientConfig(target, 'read'));
  const write = new CodeBuildClient(clientConfig(target, 'write'));
  return {
    sim,
    read,
    write,
    source: new BuildSource(read, write, location, options),
    calls: (operation) => sim.requests.count({ service: 'codebuild', ...(operation ? { operation } : {}) }),
    close: async () => {
      read.destroy();
      write.destroy();
      await sim.close();
    },
  };
}
