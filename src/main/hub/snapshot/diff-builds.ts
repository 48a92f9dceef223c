// Build events, one per build when it completes: failed, or succeeded, or
// fixed when the project's previous completed build had failed (a fixed build
// is not also reported as succeeded). Stopped builds neither fail nor fix a
// project. Builds of a source whose builds were never read before are a cold
// start: only a project whose latest build failed is reported, as current state.
import { buildStatusLabel, type Build, type BuildStatus } from '../../../shared/builds';
import type { BuildEventData, ChangeEvent } from '../../../shared/events';
import { resourcesOfKind, type Snapshot, type SnapshotResource } from '../../../shared/snapshot';
import { buildProjectKey, newestBuildFirst } from './bounds';
import { changeEvent, isNewerThanKnown, locationOf, wasRead } from './diff-support';

type BuildResource = SnapshotResource<'build'>;

const failedStatuses: ReadonlySet<BuildStatus | 'unknown'> = new Set(['FAILED', 'FAULT', 'TIMED_OUT']);
const isFailed = (b: Build) => b.complete && failedStatuses.has(b.status);
const isSucceeded = (b: Build) => b.complete && b.status === 'SUCCEEDED';
/** The builds that say whether a project is broken: stopped and unknown ones say nothing. */
const isVerdict = (b: Build) => isFailed(b) || isSucceeded(b);

export function diffBuilds(previous: Snapshot, next: Snapshot): ChangeEvent[] {
  const before = byProject(resourcesOfKind(previous, 'build'));
  const after = byProject(resourcesOfKind(next, 'build'));
  const events: ChangeEvent[] = [];
  for (const [key, builds] of after) {
    const known = before.get(key) ?? [];
    const first = builds[0];
    if (!first) continue;
    const cold = !wasRead(previous.sources[first.source]?.kinds.build);
    events.push(...(cold ? coldProject(builds) : projectChanges(builds, known)));
  }
  return events;
}

/** Builds per project, oldest first. */
function byProject(builds: BuildResource[]): Map<string, BuildResource[]> {
  const groups = new Map<string, BuildResource[]>();
  for (const build of [...builds].sort((a, b) => newestBuildFirst(b.data, a.data))) {
    const key = buildProjectKey(build.data);
    groups.set(key, [...(groups.get(key) ?? []), build]);
  }
  return groups;
}

function coldProject(builds: BuildResource[]): ChangeEvent[] {
  const latest = builds.filter((b) => isVerdict(b.data)).at(-1);
  return latest && isFailed(latest.data) ? [buildEvent(latest, 'current-state', 0)] : [];
}

function projectChanges(builds: BuildResource[], known: BuildResource[]): ChangeEvent[] {
  const knownById = new Map(known.map((b) => [b.id, b]));
  const knownStarts = known.map((b) => b.data.startTime);
  // The project's history as far as either snapshot remembers it, oldest first, for "fixed".
  const history = [...known.filter((b) => !builds.some((n) => n.id === b.id)), ...builds].sort((a, b) =>
    newestBuildFirst(b.data, a.data),
  );
  const events: ChangeEvent[] = [];
  for (const build of builds) {
    const was = knownById.get(build.id);
    if (was?.data.complete === true || !build.data.complete) continue;
    if (was === undefined && !isNewerThanKnown(build.data.startTime, knownStarts)) continue;
    if (isFailed(build.data)) {
      events.push(buildEvent(build, 'change', 0));
    } else if (isSucceeded(build.data)) {
      events.push(buildEvent(build, 'change', failuresBefore(history, build)));
    }
  }
  return events;
}

/** How many failed builds came right before this one (stopped ones skipped); 0 when the last verdict was a success. */
function failuresBefore(history: BuildResource[], build: BuildResource): number {
  const earlier = history.slice(0, history.indexOf(build)).filter((b) => isVerdict(b.data));
  let count = 0;
  for (const b of earlier.reverse()) {
    if (!isFailed(b.data)) break;
    count += 1;
  }
  return count;
}

/** Failed, or (for a success) fixed when failures came right before it, else succeeded. */
function buildEvent(resource: BuildResource, origin: ChangeEvent['origin'], failedBefore: number): ChangeEvent {
  const build = resource.data;
  const name = `${build.project}${build.number !== undefined ? ` #${build.number}` : ''}`;
  const data: BuildEventData = {
    project: build.project,
    location: locationOf(build.location),
    buildId: build.id,
    arn: build.arn,
    number: build.number,
    status: buildStatusLabel(build),
    sourceVersion: build.sourceVersion,
    resolvedSourceVersion: build.resolvedSourceVersion,
    initiator: build.initiator,
    consoleUrl: build.consoleUrl,
  };
  const at = build.endTime ?? resource.freshness.fetchedAt;
  const common = { idParts: [build.arn], resourceId: resource.id, origin, at };
  if (isFailed(build)) {
    const failedPhase = build.phases.find((p) => p.status !== undefined && failedStatuses.has(p.status))?.type;
    const how = build.status === 'FAILED' ? 'failed' : `failed (${data.status})`;
    const summary =
      origin === 'current-state'
        ? `Build ${build.project} is failing: ${name} ${how}`
        : `Build ${name} ${how}${failedPhase ? ` in ${failedPhase}` : ''}`;
    return changeEvent({ kind: 'build.failed', ...common, summary, data: { ...data, failedPhase } });
  }
  if (failedBefore > 0) {
    const summary = `Build ${name} fixed ${build.project} after ${failedBefore} failed build${failedBefore > 1 ? 's' : ''}`;
    return changeEvent({ kind: 'build.fixed', ...common, summary, data: { ...data, failedBefore } });
  }
  return changeEvent({ kind: 'build.succeeded', ...common, summary: `Build ${name} succeeded`, data });
}
