// An error the simulator answers with, in AWS's terms: the modeled error
// code (the SDK maps it to its exception class), a message and the status.
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    /** Extra members of the error body (SSO OIDC's `error` and `error_description`). */
    readonly details: Record<string, string> = {},
  ) {
    super(message);
    this.name = code;
  }

  /** Query-protocol errors say whose fault it was. */
  get type(): 'Sender' | 'Receiver' {
    return this.status >= 500 ? 'Receiver' : 'Sender';
  }
}

export const validation = (message: string): AwsError => new AwsError('ValidationException', message);

/** Checks a string member's length like the model's `min`/`max` constraints. */
export function checkLength(name: string, value: unknown, min: number, max: number, required = true): string {
  if (value === undefined || value === null) {
    if (required)
      throw validation(
        `1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`,
      );
    return '';
  }
  if (typeof value !== 'string') throw new AwsError('SerializationException', `Expected a string for ${name}`);
  if (value.length < min || value.length > max) {
    throw validation(
      `1 validation error detected: Value at '${name}' failed to satisfy constraint: Member must have length between ${min} and ${max}`,
    );
  }
  return value;
}

/** The string list member `name`, or [] when absent. */
export function stringList(name: string, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new AwsError('SerializationException', `Expected a list of strings for ${name}`);
  }
  return value as string[];
}

export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function optionalNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}
