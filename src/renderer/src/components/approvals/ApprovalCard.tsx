// One waiting CodePipeline approval: where it is, how long it still waits,
// what would ship, the pipeline author's note, and Approve / Reject through
// the confirmation dialog. One requestId per decision: a double click or a
// retry of a lost answer sends the same request, which main runs at most once.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { AwsApprovalSummary } from '../../../../shared/model';
import type { ContractError } from '../../../../shared/result';
import { approvalAuditKey, decideApproval } from '../../api/approvals';
import { useClient } from '../../api/client';
import { ContractFailure } from '../../api/contract-error';
import { linkHref, timeAgo, timeLeft } from './approval-text';
import { DecisionDialog } from './DecisionDialog';
import { decisionErrorText, retryKind } from './decision-errors';
import { WhatShips } from './WhatShips';

type Decision = 'approve' | 'reject';

/** Any failure as the contract's error: a thrown transport error becomes a lost answer. */
function asContractError(error: unknown): ContractError | undefined {
  if (error === null || error === undefined) return undefined;
  if (error instanceof ContractFailure) return error.detail;
  return { code: 'internal', message: error instanceof Error ? error.message : 'The answer was lost.' };
}

const doneText: Record<Decision, string> = {
  approve: 'Approved. The pipeline continues; this card goes away at the next refresh.',
  reject: 'Rejected. The pipeline stops here; this card goes away at the next refresh.',
};

export function ApprovalCard({ approval, now }: { approval: AwsApprovalSummary; now: Date }): React.JSX.Element {
  const client = useClient();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Decision | null>(null);
  const [done, setDone] = useState<Decision | 'elsewhere' | null>(null);
  const request = useRef<{ key: string; id: string } | null>(null);
  const decide = useMutation({
    mutationFn: (input: { requestId: string; decision: Decision; comment: string }) =>
      decideApproval(client, { ...input, approvalId: approval.approvalId }),
    onSuccess: (answer, input) => {
      setOpen(null);
      setDone(answer.status === 'submitting' ? 'elsewhere' : input.decision);
    },
    // Whatever the answer, main wrote it to the audit log.
    onSettled: () => queryClient.invalidateQueries({ queryKey: approvalAuditKey }),
  });
  const error = asContractError(decide.error);

  /** The same decision (and comment) keeps its id; a changed one, or a deliberate new attempt, gets a new one. */
  const requestIdFor = (decision: Decision, comment: string): string => {
    const key = JSON.stringify([decision, comment]);
    const fresh = error !== undefined && retryKind(error) === 'new-request';
    if (fresh || request.current?.key !== key) request.current = { key, id: crypto.randomUUID() };
    return request.current.id;
  };
  const openDialog = (decision: Decision): void => {
    request.current = null;
    decide.reset();
    setOpen(decision);
  };

  const left = timeLeft(approval.expiresAt, approval.requestedAt, now);
  const sending = approval.submitting || decide.isPending || done === 'elsewhere';
  const entityHref = linkHref(approval.externalEntityLink);
  const consoleHref = linkHref(approval.consoleUrl);
  const where = `${approval.pipeline} › ${approval.stage} › ${approval.action}`;

  return (
    <li className="card approval" aria-labelledby={`approval-${approval.approvalId}`}>
      <div className="approval-head">
        <h2 id={`approval-${approval.approvalId}`}>
          {approval.pipeline} <span className="muted">›</span> {approval.stage} <span className="muted">›</span>{' '}
          {approval.action}
        </h2>
        <span
          className={`state time-left time-left-${left.urgency}`}
          title={left.estimated ? 'CodePipeline’s default: 7 days after the request' : undefined}
        >
          {left.text}
        </span>
      </div>
      <p className="muted">
        {approval.accountId} · {approval.region} · requested{' '}
        <time dateTime={approval.requestedAt} title={new Date(approval.requestedAt).toLocaleString()}>
          {timeAgo(approval.requestedAt, now)}
        </time>
      </p>

      <h3 className="section-title">What would ship</h3>
      <WhatShips approval={approval} />

      {approval.customData !== undefined && (
        <div className="custom-data">
          <h3 className="section-title">Note from the pipeline</h3>
          <p>{approval.customData}</p>
        </div>
      )}
      {approval.externalEntityLink !== undefined && (
        <p>
          Review first:{' '}
          {entityHref ? (
            <a href={entityHref} target="_blank" rel="noreferrer">
              {approval.externalEntityLink}
            </a>
          ) : (
            <code>{approval.externalEntityLink}</code>
          )}
        </p>
      )}
      {consoleHref && (
        <p>
          <a href={consoleHref} target="_blank" rel="noreferrer">
            Open in the AWS console
          </a>
        </p>
      )}

      {sending && !done && (
        <p role="status" className="muted">
          Sending a decision…
        </p>
      )}
      {done === 'elsewhere' && (
        <p role="status" className="muted">
          A decision for this approval is already being sent (from another window or a notification).
        </p>
      )}
      {(done === 'approve' || done === 'reject') && (
        <p role="status" className="ok-text">
          {doneText[done]}
        </p>
      )}
      {error && open === null && (
        <p role="alert" className="problem">
          {decisionErrorText(error).message}
        </p>
      )}

      {done === null && (
        <div className="approval-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={sending}
            aria-label={`Approve ${where}`}
            onClick={() => openDialog('approve')}
          >
            Approve
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={sending}
            aria-label={`Reject ${where}`}
            onClick={() => openDialog('reject')}
          >
            Reject
          </button>
        </div>
      )}

      {open && (
        <DecisionDialog
          approval={approval}
          decision={open}
          pending={decide.isPending}
          error={error}
          onSubmit={(comment) => {
            if (decide.isPending) return;
            decide.mutate({ requestId: requestIdFor(open, comment), decision: open, comment });
          }}
          onCancel={() => setOpen(null)}
        />
      )}
    </li>
  );
}
