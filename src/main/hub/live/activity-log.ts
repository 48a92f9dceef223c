// The recent activity feed (recent-activity.json in the data folder): the
// latest delivered events, newest first, so the feed is there at once after
// a restart. Written coalesced; a file that cannot be used is kept aside.
import { join } from 'node:path';
import { z } from 'zod';
import { eventKinds, type ProjectEvent } from '../../../shared/events';
import type { Logger } from '../log';
import { loadJsonFile, removeStaleTemps, writeFileAtomic } from '../snapshot/atomic-file';
import { CoalescedWriter, type Timers } from '../snapshot/coalesce';

export const activityFileName = 'recent-activity.json';
export const recentEventsKept = 200;

// The event's data was written by this module from the diff's events: the envelope is what is checked.
const eventSchema = z.custom<ProjectEvent>((value) => envelopeSchema.safeParse(value).success);
const envelopeSchema = z.looseObject({
  id: z.string().min(1).max(4096),
  kind: z.enum(eventKinds),
  resourceId: z.string().max(4096),
  origin: z.enum(['change', 'current-state']),
  at: z.string().max(64),
  summary: z.string().max(4096),
  data: z.looseObject({}),
  projects: z.array(z.string().max(64)).max(100),
});
const fileSchema = z.object({ version: z.literal(1), events: z.array(z.unknown()).max(10_000) });

export class ActivityLog {
  #events: ProjectEvent[];
  readonly #writer: CoalescedWriter;

  constructor(
    private readonly dir: string,
    timers: Timers,
    log: Logger,
  ) {
    const path = join(dir, activityFileName);
    removeStaleTemps(path);
    const { value, notice } = loadJsonFile(path, 8 * 1024 * 1024, new Date(timers.now()), (json) => {
      const file = fileSchema.safeParse(json);
      if (!file.success) return { ok: false, error: 'does not match the activity schema' };
      // Lenient per event: one that does not parse is dropped, the rest kept.
      const events = file.data.events.flatMap((e) => {
        const parsed = eventSchema.safeParse(e);
        return parsed.success ? [parsed.data] : [];
      });
      return { ok: true, value: events };
    });
    if (notice) log.warn('the activity file could not be used and was kept aside', { ...notice });
    this.#events = (value ?? []).slice(0, recentEventsKept);
    this.#writer = new CoalescedWriter(
      () => writeFileAtomic(path, JSON.stringify({ version: 1, events: this.#events })),
      5_000,
      timers,
      (error) => log.error('could not write the activity feed', error),
    );
  }

  /** Newest first. */
  get events(): ProjectEvent[] {
    return this.#events;
  }

  /** Adds events delivered now (oldest first, as delivered). */
  add(delivered: readonly ProjectEvent[]): void {
    if (delivered.length === 0) return;
    this.#events = [...[...delivered].reverse(), ...this.#events].slice(0, recentEventsKept);
    this.#writer.markDirty();
  }

  close(): Promise<void> {
    return this.#writer.close();
  }
}
