// The contract's approvals.* messages. Before any AWS account exists there is
// no service: nothing waits, the audit log reads empty, and a decision is
// refused as an unknown approval without calling any provider (S07).
import { maxAuditEntries } from '../../../shared/approvals';
import { ok } from '../../../shared/result';
import type { CommandHandlers, QueryHandlers } from '../dispatch';
import type { ApprovalAudit } from './audit';
import { type AwsApprovals, unknownApproval } from './aws-approvals';

export interface ApprovalHandlerDeps {
  /** The approvals service of the current workspace; undefined until it has an AWS account. */
  service: () => AwsApprovals | undefined;
  /** The audit log beside the journal (ApprovalJournal.audit). */
  audit: () => ApprovalAudit | undefined;
}

type Queries = Pick<QueryHandlers, 'approvals.list' | 'approvals.audit'>;
type Commands = Pick<CommandHandlers, 'approvals.decide'>;

export function approvalHandlers(deps: ApprovalHandlerDeps): { queries: Queries; commands: Commands } {
  return {
    queries: {
      'approvals.list': async () => ok(deps.service()?.list() ?? []),
      'approvals.audit': async () => ok((await deps.audit()?.recent(maxAuditEntries)) ?? []),
    },
    commands: {
      'approvals.decide': async (input) => {
        const service = deps.service();
        return service ? service.decide(input) : unknownApproval();
      },
    },
  };
}
