// Small pieces every AWS mapping uses when it turns SDK shapes into the
// shared model: dates as ISO text, and optional fields left out rather than
// set to undefined, so a serialized model carries only what AWS said.

export const iso = (date: Date | undefined): string | undefined => date?.toISOString();

/** `{ [key]: value }` when the value is present and not blank, otherwise `{}`; meant for spreading. */
export function optional<K extends string, V>(key: K, value: V | undefined | null): Partial<Record<K, V>> {
  return value === undefined || value === null || value === '' ? {} : ({ [key]: value } as Record<K, V>);
}
