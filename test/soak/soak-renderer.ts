// A renderer as the soak plays it: it reads the approvals, the activity and
// the snapshot once when it loads (through the contract's output schemas, as
// data crossing the boundary), then follows the pushed events. A reload is a
// fresh read, which must agree with what following the events led to.
import type { LiveWorkspace } from '../../src/main/hub/live/live-workspace';
import { recentEventsKept } from '../../src/main/hub/live/activity-log';
import { type HubEvent, queries } from '../../src/shared/contract';
import type { RefreshStatus } from '../../src/shared/refresh';

export interface ReloadCheck {
  approvals: { followed: string[]; read: string[] };
  activity: { followed: string[]; read: string[] };
  snapshotUpdatedAt: { followed: string | undefined; read: string };
}

/** What crosses IPC or HTTP: plain data, checked by the contract's schema on the way. */
function read(live: LiveWorkspace) {
  const clone = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
  return {
    approvals: queries['approvals.list'].output.parse(clone(live.approvalList())).map((a) => a.approvalId),
    activity: queries['activity.recent'].output.parse(clone(live.recentEvents)).map((e) => e.id),
    snapshotUpdatedAt: queries['snapshot.get'].output.parse(clone(live.snapshot)).updatedAt,
  };
}

export class RendererFollower {
  /** Activity events delivered in all, and those whose id had been delivered before. */
  delivered = 0;
  readonly deliveredTwice: string[] = [];
  readonly #everDelivered = new Set<string>();
  #approvals: string[] = [];
  #activity: string[] = [];
  #snapshotUpdatedAt: string | undefined;
  readonly #watches = new Set<{ test: (status: RefreshStatus) => boolean; seen: boolean }>();

  /** From now on, whether a pushed status bar update has shown what `test` looks for. */
  watchStatus(test: (status: RefreshStatus) => boolean): { seen: () => boolean; stop: () => void } {
    const watch = { test, seen: false };
    this.#watches.add(watch);
    return { seen: () => watch.seen, stop: () => this.#watches.delete(watch) };
  }

  /** A window loads (at start, and after the hub restarts): one read of everything. */
  load(live: LiveWorkspace): void {
    const state = read(live);
    this.#approvals = state.approvals;
    this.#activity = state.activity;
    this.#snapshotUpdatedAt = state.snapshotUpdatedAt;
  }

  hear(event: HubEvent): void {
    if (event.name === 'approvals.changed') this.#approvals = event.payload.map((a) => a.approvalId);
    if (event.name === 'refresh.status.changed') {
      for (const watch of this.#watches) watch.seen ||= watch.test(event.payload);
    }
    if (event.name === 'snapshot.changed') this.#snapshotUpdatedAt = event.payload.updatedAt;
    if (event.name !== 'activity') return;
    for (const { id } of event.payload) {
      this.delivered += 1;
      if (this.#everDelivered.has(id)) this.deliveredTwice.push(id);
      this.#everDelivered.add(id);
    }
    // Newest first, as the activity log keeps them.
    this.#activity = [...event.payload.map((e) => e.id).reverse(), ...this.#activity].slice(0, recentEventsKept);
  }

  /** A reload: a fresh read beside what the events led to. */
  reload(live: LiveWorkspace): ReloadCheck {
    const fresh = read(live);
    const check = {
      approvals: { followed: [...this.#approvals].sort(), read: [...fresh.approvals].sort() },
      activity: { followed: this.#activity, read: fresh.activity },
      snapshotUpdatedAt: { followed: this.#snapshotUpdatedAt, read: fresh.snapshotUpdatedAt },
    };
    this.load(live);
    return check;
  }
}
