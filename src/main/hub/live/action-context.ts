// What a command the window sends about one resource of the snapshot needs
// from the live workspace: the snapshot (to find the resource and its
// account and region), the live region that reads it, a way to have it read
// again soon, the log, events and the clock.
import type { EventName, EventPayload } from '../../../shared/contract';
import type { Snapshot } from '../../../shared/snapshot';
import type { Logger } from '../log';
import type { AwsRegion } from './aws-region';

export interface ActionContext {
  snapshot: Snapshot;
  /** The live region of a snapshot source id, if the workspace holds it now. */
  region: (source: string) => AwsRegion | undefined;
  /** Runs a refresh task (by key) soon. */
  nudge: (taskKey: string) => void;
  log: Logger;
  emit: <N extends EventName>(name: N, payload: EventPayload<N>) => void;
  now: () => number;
}
