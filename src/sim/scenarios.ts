// The named worlds the simulator can build, shared by the AWS and GitHub
// halves, the CLI and the in-app demo workspace.
import type { SimClock } from './clock';
import type { FaultInjector } from './faults';
import type { RequestLog } from './requests';

export const scenarioNames = ['demo', 'empty', 'scale', 'faults', 'hostile'] as const;

export type ScenarioName = (typeof scenarioNames)[number];

export function isScenarioName(value: string): value is ScenarioName {
  return (scenarioNames as readonly string[]).includes(value);
}

/** Options every scenario is built from; the world is a function of these plus the clock and commands. */
export interface ScenarioOptions {
  scenario: ScenarioName;
  seed: number;
  /** Size of the `scale` scenario (number of pipelines); ignored by the others. */
  scale: number;
}

/** What each half of the simulator (AWS, GitHub) is started with: one clock, fault injector and request log shared by both. */
export interface SimHalfOptions extends ScenarioOptions {
  clock: SimClock;
  faults: FaultInjector;
  requests: RequestLog;
  /** 0 picks a free port. */
  port: number;
}

export const defaultScenarioOptions: ScenarioOptions = { scenario: 'demo', seed: 1, scale: 50 };
