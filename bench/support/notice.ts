// Figure 3, time to notice: a change made in the simulator, then simulated
// time stepped with the hub at its default cadence until the hub publishes
// the matching 'activity' event. The change time comes from the simulator
// (a build's end, the first step an approval waits); the notice time is the
// simulated time of the step the event arrived in (steps of 500 ms).
import type { EventKind } from '../../src/shared/events';
import type { HubRig } from './hub-rig';

export interface NoticeFigure {
  change: string;
  /** What the hub was doing for the resource when it changed: reading it on the running or on the idle cadence. */
  cadence: 'running' | 'idle';
  event: EventKind;
  /** Simulated milliseconds from the change to the event; null when it did not come within the limit. */
  noticeMs: number | null;
}

const stepMs = 500;
const limitMs = 10 * 60_000;

/** Steps until `changedAt` answers a time, then until an activity event of `kind` about `subject` arrives. */
async function measure(
  rig: HubRig,
  kind: EventKind,
  subject: string,
  changedAt: () => number | undefined,
): Promise<number | null> {
  const seen = rig.events.length;
  let change: number | undefined;
  for (let t = 0; t < limitMs; t += stepMs) {
    change ??= changedAt();
    if (change !== undefined) {
      const arrived = rig.events
        .slice(seen)
        .some(
          (event) =>
            event.name === 'activity' &&
            event.payload.some((e) => e.kind === kind && JSON.stringify(e).includes(subject)),
        );
      if (arrived) return rig.sim.clock.now() - change;
    }
    await rig.step(stepMs, stepMs);
  }
  return null;
}

/**
 * The three changes, on the services the scale scenario only releases by hand
 * (svc-004 and svc-006: nothing else starts them, so the hub reads them on the
 * idle cadence until they run) and one Beanstalk environment.
 */
export async function timeToNotice(rig: HubRig): Promise<NoticeFigure[]> {
  const { aws, clock } = rig.sim;
  const now = () => clock.now();
  const figures: NoticeFigure[] = [];

  // Idle: a release starts on a quiet pipeline.
  const started = now();
  aws.startPipelineExecution('svc-006-pipeline');
  figures.push({
    change: 'a release starts on an idle pipeline',
    cadence: 'idle',
    event: 'pipeline.execution.started',
    noticeMs: await measure(rig, 'pipeline.execution.started', 'svc-006-pipeline', () => started),
  });

  // Running: the same release reaches its approval while the hub follows it.
  figures.push({
    change: 'an approval appears in a running release',
    cadence: 'running',
    event: 'approval.requested',
    noticeMs: await measure(rig, 'approval.requested', 'svc-006-pipeline', () =>
      aws.waitingApprovals().some((a) => a.pipelineName === 'svc-006-pipeline') ? now() : undefined,
    ),
  });

  // Running: a build fails in a release the hub follows (builds are read on the running cadence while any runs).
  aws.failNextBuild('svc-004-build');
  const released = now();
  aws.startPipelineExecution('svc-004-pipeline');
  figures.push({
    change: 'a build fails in a running release',
    cadence: 'running',
    event: 'build.failed',
    noticeMs: await measure(rig, 'build.failed', 'svc-004-build', () => {
      aws.world.runUntil(now());
      const failed = [...aws.world.codebuild.builds.values()].find(
        (build) =>
          build.projectName === 'svc-004-build' && build.startTime >= released && build.buildStatus === 'FAILED',
      );
      return failed?.endTime;
    }),
  });

  // Idle: a quiet environment turns red. One read covers every Beanstalk environment of the region, on the running
  // cadence while any of them deploys: at some sizes of the scenario one always does, and the figure is then faster.
  aws.degradeEnvironment('svc-002-prod', 'Red', ['Bench: 100 % of requests failing']);
  const degraded = now();
  figures.push({
    change: 'a quiet environment turns red',
    cadence: 'idle',
    event: 'environment.health.degraded',
    noticeMs: await measure(rig, 'environment.health.degraded', 'svc-002-prod', () => degraded),
  });
  return figures;
}
