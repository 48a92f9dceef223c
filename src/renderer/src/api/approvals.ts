// The approvals audit log query and the decide command, for the Approvals
// page. The waiting list itself is approvalsOptions in queries.ts.
import { queryOptions } from '@tanstack/react-query';
import type { StarboardClient } from '../../../shared/client';
import type { CommandInput, CommandOutput } from '../../../shared/contract';
import { unwrap } from './contract-error';

/** Read again whenever approvals change (a decision made anywhere writes to it). */
export const approvalAuditKey = ['approvals.audit'] as const;

export const approvalAuditOptions = (client: StarboardClient) =>
  queryOptions({
    queryKey: approvalAuditKey,
    queryFn: () => unwrap(client.query('approvals.audit', {})),
    staleTime: Infinity,
  });

export type DecideInput = CommandInput<'approvals.decide'>;

/** One decision; the same `requestId` again is the same decision (main replays its answer). */
export function decideApproval(
  client: StarboardClient,
  input: DecideInput,
): Promise<CommandOutput<'approvals.decide'>> {
  return unwrap(client.command('approvals.decide', input));
}
