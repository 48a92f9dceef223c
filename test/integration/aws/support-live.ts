// A live workspace over one simulated account (the demo scenario), driven by
// a virtual scheduler clock: `run(ms)` lets every real SDK call finish on the
// way, so what the tests see never depends on wall-clock timing.
import { AwsAccounts } from '../../../src/main/hub/aws-accounts';
import { LiveWorkspace } from '../../../src/main/hub/live/live-workspace';
import type { Logger } from '../../../src/main/hub/log';
import { VirtualClock } from '../../../src/main/hub/scheduler';
import type { EventName, EventPayload, HubEvent } from '../../../src/shared/contract';
import type { ProjectEvent } from '../../../src/shared/events';
import type { Workspace } from '../../../src/shared/model';
import { emptyProjectEdits } from '../../../src/shared/projects';
import { demoAws } from '../../../src/sim/aws';
import { FakeAwsBackend } from '../../support/fake-aws-backend';

export interface LiveRig {
  live: LiveWorkspace;
  clock: VirtualClock;
  events: HubEvent[];
  backend: FakeAwsBackend;
  /** The events delivered as activity so far, oldest first. */
  delivered: () => ProjectEvent[];
  /** Runs the scheduler for `ms` of virtual time, letting every real call finish on the way. */
  run: (ms: number) => Promise<void>;
}

/** The workspace account 'sim' in us-east-1 at `endpoint`, as the user 'dev' of the demo account. */
export function openLiveRig(options: { dir: string; endpoint: string; log: Logger }): LiveRig {
  let current: Workspace = {
    awsAccounts: [
      { id: 'sim', label: 'Simulated', profile: null, regions: ['us-east-1'], endpointUrl: options.endpoint },
    ],
    githubAccounts: [],
    projects: emptyProjectEdits,
  };
  const backend = new FakeAwsBackend();
  backend.endpointUrl = options.endpoint;
  backend.identities.set('(default)', { accountId: demoAws.account, arn: `arn:aws:iam::${demoAws.account}:user/dev` });
  const clock = new VirtualClock(Date.parse('2026-11-27T09:00:00Z'));
  const events: HubEvent[] = [];
  const emit = <N extends EventName>(name: N, payload: EventPayload<N>) => events.push({ name, payload } as HubEvent);
  const holder: { live?: LiveWorkspace } = {};
  const accounts = new AwsAccounts(
    backend,
    () => current,
    () => holder.live?.sync(),
    () => undefined,
  );
  const live = new LiveWorkspace({
    dir: options.dir,
    workspace: () => current,
    saveProjects: (projects) => (current = { ...current, projects }),
    accounts,
    target: (account, region) => backend.target(account, region),
    emit,
    log: options.log,
    clock,
    random: () => 0.5,
    notifyDelayMs: 0,
  });
  holder.live = live;
  const settled = async () => {
    // Real I/O under virtual time: wait (in real time) until no task is in flight.
    for (let i = 0; i < 2000 && (live.scheduler.stats().running > 0 || i < 3); i++) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  };
  live.sync();
  return {
    live,
    clock,
    events,
    backend,
    delivered: () => events.flatMap((e) => (e.name === 'activity' ? e.payload : [])),
    run: async (ms) => {
      await settled();
      for (let t = 0; t < ms; t += 500) {
        await clock.advance(500);
        await settled();
      }
    },
  };
}
