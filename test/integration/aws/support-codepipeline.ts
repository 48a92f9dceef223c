// A PipelineSource wired to the simulator the way the app wires it: real SDK
// clients from clientConfig (adaptive reads with 3 attempts, writes with 1).
import { CodeCommitClient } from '@aws-sdk/client-codecommit';
import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { clientConfig } from '../../../src/main/sources/aws/client-config';
import { PipelineSource, type PipelineSourceOptions } from '../../../src/main/sources/aws/codepipeline/pipeline-source';
import type { ScenarioName } from '../../../src/sim/scenarios';
import { type Harness, startHarness } from '../../sim/aws/harness';

export interface PipelineRig {
  sim: Harness;
  read: CodePipelineClient;
  write: CodePipelineClient;
  /** Reads commit authors for the source, as the app wires it. */
  codecommit: CodeCommitClient;
  source: PipelineSource;
  /** Who the simulator says we are (lastUpdatedBy of our own decisions). */
  callerArn: string;
  close(): Promise<void>;
}

export async function startPipelineRig(
  scenario: ScenarioName = 'demo',
  scale = 10,
  options: PipelineSourceOptions = {},
): Promise<PipelineRig> {
  const sim = await startHarness(scenario, scale);
  const { target, location } = sim;
  const read = new CodePipelineClient(clientConfig(target, 'read'));
  const write = new CodePipelineClient(clientConfig(target, 'write'));
  const codecommit = new CodeCommitClient(clientConfig(target, 'read'));
  return {
    sim,
    read,
    write,
    codecommit,
    source: new PipelineSource(read, write, location, { codecommit, ...options }),
    callerArn: sim.control.world.policy.userArn,
    close: async () => {
      read.destroy();
      write.destroy();
      codecommit.destroy();
      await sim.close();
    },
  };
}

/** Runs `hook` right before each request of `commandName` leaves `client`: another actor moving first. */
export function beforeSending(client: CodePipelineClient, commandName: string, hook: () => void): void {
  client.middlewareStack.add(
    (next, context) => (args) => {
      if (context.commandName === commandName) hook();
      return next(args);
    },
    { step: 'initialize', name: `test-before-${commandName}` },
  );
}

/** Runs `hook` after each response of `commandName` arrives at `client`. */
export function afterReceiving(client: CodePipelineClient, commandName: string, hook: () => void): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      if (context.commandName === commandName) hook();
      return out;
    },
    { step: 'initialize', name: `test-after-${commandName}` },
  );
}

/** CodePipeline requests the simulator answered, by operation. */
export function pipelineCalls(sim: Harness, operation?: string): number {
  return sim.requests.count({ service: 'codepipeline', ...(operation ? { operation } : {}) });
}
