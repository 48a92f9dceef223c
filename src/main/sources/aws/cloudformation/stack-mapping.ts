// CloudFormation's SDK shapes turned into the shared model at the edge, and
// the one judgement made about events: which of them belong to the stack's
// last operation, and which of those failed.
import type { Stack as SdkStack, StackEvent as SdkStackEvent } from '@aws-sdk/client-cloudformation';
import type { CloudFormationStack, StackEvent } from '../../../../shared/deployments';
import { iso, optional } from '../model-edge';

const stackType = 'AWS::CloudFormation::Stack';
/** The stack-level statuses an operation starts with; rollbacks and cleanups belong to the operation before them. */
const operationStarts = new Set([
  'CREATE_IN_PROGRESS',
  'UPDATE_IN_PROGRESS',
  'DELETE_IN_PROGRESS',
  'IMPORT_IN_PROGRESS',
  'REVIEW_IN_PROGRESS',
]);

/** Failing events kept per stack: the latest ones are what the user reads first. */
export const maxFailures = 10;

/** What changes when the stack does: a new operation moves LastUpdatedTime, each step of it the status. */
export function stackVersion(stack: SdkStack): string {
  return [stack.StackStatus ?? '', iso(stack.LastUpdatedTime ?? stack.CreationTime) ?? ''].join('|');
}

export function toStack(stack: SdkStack, failures: StackEvent[]): CloudFormationStack {
  return {
    arn: stack.StackId ?? '',
    name: stack.StackName ?? '',
    status: stack.StackStatus ?? 'unknown',
    ...optional('reason', stack.StackStatusReason),
    ...optional('updatedAt', iso(stack.LastUpdatedTime ?? stack.CreationTime)),
    failures,
  };
}

export function toStackEvent(event: SdkStackEvent): StackEvent {
  return {
    at: iso(event.Timestamp) ?? '',
    logicalId: event.LogicalResourceId ?? '',
    resourceType: event.ResourceType ?? '',
    status: event.ResourceStatus ?? '',
    ...optional('reason', event.ResourceStatusReason),
  };
}

/** The stack's own event that opens an operation (a create, update, delete or import). */
export function isOperationStart(event: SdkStackEvent, stackName: string): boolean {
  return (
    event.ResourceType === stackType &&
    event.LogicalResourceId === stackName &&
    operationStarts.has(event.ResourceStatus ?? '')
  );
}

/**
 * From events newest first: the *_FAILED ones since the last operation
 * started (newest first, at most `maxFailures`), and whether that start was
 * among the events given (otherwise more pages are needed to be sure).
 */
export function lastOperationFailures(
  newestFirst: readonly SdkStackEvent[],
  stackName: string,
): { failures: StackEvent[]; reachedStart: boolean } {
  const failures: StackEvent[] = [];
  for (const event of newestFirst) {
    if ((event.ResourceStatus ?? '').endsWith('_FAILED') && failures.length < maxFailures)
      failures.push(toStackEvent(event));
    if (isOperationStart(event, stackName)) return { failures, reachedStart: true };
  }
  return { failures, reachedStart: false };
}
