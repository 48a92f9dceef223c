// Small conversions every GitHub mapping shares: enum values this build may
// not know (kept raw, RELIABILITY A14), durations, first lines, and optional
// fields left out rather than set to undefined.
import type { Known } from '../../../shared/github';

/** A value GitHub sent, checked against the values this build knows; undefined for null or blank. */
export function known<T extends string>(
  values: readonly T[],
  raw: string | null | undefined,
): { value: Known<T>; raw?: string } | undefined {
  if (raw === null || raw === undefined || raw === '') return undefined;
  return (values as readonly string[]).includes(raw) ? { value: raw as T } : { value: 'unknown', raw };
}

/** `{ [key]: value }` when present and not blank, otherwise `{}`; meant for spreading. */
export function optional<K extends string, V>(key: K, value: V | undefined | null): Partial<Record<K, V>> {
  return value === undefined || value === null || value === '' ? {} : ({ [key]: value } as Record<K, V>);
}

/** Milliseconds between two ISO times, when both are there and in order. */
export function durationMs(start: string | null | undefined, end: string | null | undefined): number | undefined {
  if (!start || !end) return undefined;
  const ms = Date.parse(end) - Date.parse(start);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

export function firstLine(text: string | null | undefined): string {
  return (text ?? '').split('\n')[0]?.trim() ?? '';
}

/** A login from a user object that may be missing (deleted accounts are null on the wire). */
export function loginOf(user: { login?: string } | null | undefined): string | undefined {
  return user?.login === undefined || user.login === '' ? undefined : user.login;
}
