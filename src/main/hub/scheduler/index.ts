// The refresh scheduler's public face, for the hub and the bench.
export { systemClock, type SchedulerClock, type TimerId } from './clock';
export { cadenceScales, defaultConfig, type SchedulerOptions } from './config';
export { outcomeFromProblems, type ReadReport } from './outcome';
export { RefreshScheduler } from './scheduler';
export type {
  CadenceClass,
  LaneSnapshot,
  OutcomeKind,
  RefreshNowResult,
  RefreshTask,
  RunOutcome,
  SchedulerStats,
  TaskFilter,
  TaskSnapshot,
  TaskStatus,
  Visibility,
} from './types';
export { VirtualClock } from './virtual-clock';
