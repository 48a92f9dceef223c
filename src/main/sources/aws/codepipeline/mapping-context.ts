// What every CodePipeline mapper needs besides the response: where the
// pipeline lives, and where to report an enum value this build does not know
// (RELIABILITY A14: kept as { unknown }, reported, never a crash).
import type { Known } from '../../../../shared/pipelines';
import { safeConfigurationKeys } from '../../../../shared/pipelines';
import type { AwsLocation } from '../../../../shared/sources';

export { iso } from '../model-edge';

export interface MappingContext {
  location: AwsLocation;
  /** Told about each unknown enum value; the source reports each (field, value) once. */
  onUnknown?: (field: string, value: string) => void;
}

/** Maps a raw enum string to a known member or { unknown }. */
export function enumValue<T extends string>(
  ctx: Pick<MappingContext, 'onUnknown'>,
  values: readonly T[],
  field: string,
  raw: string | undefined,
): Known<T> | undefined {
  if (raw === undefined) return undefined;
  if ((values as readonly string[]).includes(raw)) return raw as T;
  ctx.onUnknown?.(field, raw);
  return { unknown: raw };
}

const safeKeys = new Set<string>(safeConfigurationKeys);

/** Only the configuration keys that are safe to show and useful for discovery. */
export function safeConfiguration(configuration: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(configuration ?? {})) if (safeKeys.has(key)) out[key] = value;
  return out;
}

/** Drops undefined members so the model serializes the same everywhere. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
