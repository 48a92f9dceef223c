// Small helpers the service mappings share: timestamps, pages, members.
import { AwsError, optionalNumber, optionalString } from '../errors';
import type { PageRequest } from '../pagination';
import type { Input } from '../service';

export const date = (ms: number): Date => new Date(ms);
export const maybeDate = (ms: number | undefined): Date | undefined => (ms === undefined ? undefined : new Date(ms));

export function pageRequest(input: Input, tokenMember = 'nextToken', maxMember = 'maxResults'): PageRequest {
  return { nextToken: optionalString(input[tokenMember]), maxResults: optionalNumber(input[maxMember]) };
}

/** A required string member, with the error the service's validation layer gives. */
export function required(input: Input, member: string, code = 'ValidationException'): string {
  const value = input[member];
  if (typeof value !== 'string' || value === '') {
    throw new AwsError(
      code,
      `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return value;
}

export function tagList(tags: Record<string, string>, keyName = 'key', valueName = 'value'): Record<string, string>[] {
  return Object.entries(tags).map(([k, v]) => ({ [keyName]: k, [valueName]: v }));
}
