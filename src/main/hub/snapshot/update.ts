// How a source's answer enters the snapshot: pure functions for
// SnapshotStore.update. A failed read keeps the last good data and marks it
// stale; only a complete, successful list read removes what is gone.
import type { AnyResource, ResourceKind, Snapshot } from '../../../shared/snapshot';
import type { Freshness } from '../../../shared/sources';

export interface ListRead {
  /** awsSourceId(location) of the account and region read. */
  source: string;
  kind: ResourceKind;
  /** The read's time, and its problem when it failed (fetchedAt then stays the last good one). */
  freshness: Freshness;
  /** The resources read (the last good copies when the read failed). */
  resources: AnyResource[];
  /**
   * The list is everything of this kind in the source (ListPipelines, the
   * watched repositories), so a resource missing from it is gone. Recent
   * builds are not complete: older builds stay until the cap drops them.
   */
  complete: boolean;
}

export function applyRead(snapshot: Snapshot, read: ListRead): Snapshot {
  const { source, kind, freshness, complete } = read;
  const status = snapshot.sources[source] ?? { id: source, kinds: {} };
  const lastGood = status.kinds[kind]?.fetchedAt ?? '';
  const recorded: Freshness = freshness.fetchedAt === '' ? { ...freshness, fetchedAt: lastGood } : freshness;
  const listed = new Set(read.resources.map((r) => r.id));
  const resources: Record<string, AnyResource> = {};
  for (const [id, resource] of Object.entries(snapshot.resources)) {
    const fromThisRead = resource.source === source && resource.kind === kind;
    if (!fromThisRead || listed.has(id)) {
      resources[id] = resource;
    } else if (freshness.problem) {
      // Not in a failed read's answer: the last good copy, now marked stale.
      resources[id] = { ...resource, freshness: { ...resource.freshness, problem: freshness.problem } };
    } else if (!complete) {
      // Older than this read reaches (a build off the newest page): the source answered, so it is not stale.
      const { problem, ...rest } = resource.freshness;
      resources[id] = problem ? { ...resource, freshness: rest } : resource;
    }
  }
  for (const resource of read.resources) resources[resource.id] = resource;
  return {
    ...snapshot,
    resources,
    sources: { ...snapshot.sources, [source]: { ...status, kinds: { ...status.kinds, [kind]: recorded } } },
  };
}

/** One resource refreshed on its own (a running build, a pipeline's state). */
export function putResource(snapshot: Snapshot, resource: AnyResource): Snapshot {
  return { ...snapshot, resources: { ...snapshot.resources, [resource.id]: resource } };
}

/** An account or region left the workspace: its resources and status go, without events. */
export function removeSource(snapshot: Snapshot, source: string): Snapshot {
  const resources = Object.fromEntries(Object.entries(snapshot.resources).filter(([, r]) => r.source !== source));
  const sources = Object.fromEntries(Object.entries(snapshot.sources).filter(([id]) => id !== source));
  return { ...snapshot, resources, sources };
}
