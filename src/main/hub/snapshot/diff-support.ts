// What every kind's differ shares: building an event with its stable id,
// one-line summaries, and the rule for "is this item new, or old history
// that only now came into view".
import { eventId, type ChangeEventOf, type EventKind, type EventKinds, type EventOrigin } from '../../../shared/events';
import type { ApprovalRef, Known } from '../../../shared/pipelines';
import type { AwsLocation, Freshness } from '../../../shared/sources';
import { timeOf } from './bounds';

export interface EventInput<K extends EventKind> {
  kind: K;
  /** What names this occurrence, after the kind, in the event id. */
  idParts: string[];
  resourceId: string;
  origin: EventOrigin;
  at: string;
  summary: string;
  data: EventKinds[K];
}

export function changeEvent<K extends EventKind>(input: EventInput<K>): ChangeEventOf<K> {
  const { kind, idParts, resourceId, origin, at, summary, data } = input;
  return { id: eventId(kind, ...idParts), kind, resourceId, origin, at, summary: oneLine(summary, 240), data };
}

/** Untrusted text (titles, messages) on one line and bounded, for summaries. */
export function oneLine(value: string, max = 120): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** The known value, or undefined for a value this build does not know (never matched as a status). */
export function knownValue<T extends string>(value: Known<T> | undefined): T | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A list read at least once successfully; a first read that failed leaves fetchedAt empty. */
export function wasRead(freshness: Freshness | undefined): boolean {
  return freshness !== undefined && freshness.fetchedAt !== '';
}

/**
 * An item missing from the previous snapshot is news only when it is not
 * older than the newest item that snapshot knew: older ones are history that
 * came into view (a longer list, a page of older builds, a cap that moved).
 */
export function isNewerThanKnown(start: string | undefined, knownStarts: readonly (string | undefined)[]): boolean {
  if (knownStarts.length === 0 || start === undefined) return true;
  return timeOf(start) >= Math.max(...knownStarts.map(timeOf));
}

/** The first eight characters of an id (execution ids are UUIDs). */
export function shortId(id: string): string {
  return id.slice(0, 8);
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Events copy fields one by one, never whole objects from the snapshot: they
// are pushed to the renderer and shown in notifications, so they carry what
// the model names and nothing a source may have left on an object (C04).

export function locationOf({ accountKey, accountId, region }: AwsLocation): AwsLocation {
  return { accountKey, accountId, region };
}

export function refOf({ pipeline, stage, action, pipelineExecutionId, actionExecutionId }: ApprovalRef): ApprovalRef {
  return { pipeline, stage, action, pipelineExecutionId, ...(actionExecutionId ? { actionExecutionId } : {}) };
}
