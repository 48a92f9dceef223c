// One approval's decision as the cards send it: which dialog is open, the
// mutation, and one requestId per decision, so a double click or a retry of a
// lost answer sends the same request, which main runs at most once.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { ContractError } from '../../../../shared/result';
import { approvalAuditKey, decideApproval } from '../../api/approvals';
import { useClient } from '../../api/client';
import { ContractFailure } from '../../api/contract-error';
import { retryKind } from './decision-errors';

export type Decision = 'approve' | 'reject';

/** Any failure as the contract's error: a thrown transport error becomes a lost answer. */
function asContractError(error: unknown): ContractError | undefined {
  if (error === null || error === undefined) return undefined;
  if (error instanceof ContractFailure) return error.detail;
  return { code: 'internal', message: error instanceof Error ? error.message : 'The answer was lost.' };
}

export interface DecisionState {
  open: Decision | null;
  done: Decision | 'elsewhere' | null;
  pending: boolean;
  error: ContractError | undefined;
  openDialog: (decision: Decision) => void;
  closeDialog: () => void;
  /** `environments`: GitHub only, the ids of the environments the user ticked. */
  submit: (comment: string, environments?: number[]) => void;
}

/** `initiallyOpen`: the review window opened from a notification's Approve or Reject starts with that form open. */
export function useDecision(approvalId: string, initiallyOpen: Decision | null = null): DecisionState {
  const client = useClient();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Decision | null>(initiallyOpen);
  const [done, setDone] = useState<Decision | 'elsewhere' | null>(null);
  const request = useRef<{ key: string; id: string } | null>(null);
  const decide = useMutation({
    mutationFn: (input: { requestId: string; decision: Decision; comment: string; environments?: number[] }) =>
      decideApproval(client, { ...input, approvalId }),
    onSuccess: (answer, input) => {
      setOpen(null);
      setDone(answer.status === 'submitting' ? 'elsewhere' : input.decision);
    },
    // Whatever the answer, main wrote it to the audit log.
    onSettled: () => queryClient.invalidateQueries({ queryKey: approvalAuditKey }),
  });
  const error = asContractError(decide.error);

  /** The same decision (comment, environments) keeps its id; a changed one, or a deliberate new attempt, gets a new one. */
  const requestIdFor = (decision: Decision, comment: string, environments: number[] | undefined): string => {
    const key = JSON.stringify([decision, comment, environments]);
    const fresh = error !== undefined && retryKind(error) === 'new-request';
    if (fresh || request.current?.key !== key) request.current = { key, id: crypto.randomUUID() };
    return request.current.id;
  };

  return {
    open,
    done,
    pending: decide.isPending,
    error,
    openDialog: (decision) => {
      request.current = null;
      decide.reset();
      setOpen(decision);
    },
    closeDialog: () => setOpen(null),
    submit: (comment, environments) => {
      if (decide.isPending || open === null) return;
      const requestId = requestIdFor(open, comment, environments);
      decide.mutate({ requestId, decision: open, comment, ...(environments ? { environments } : {}) });
    },
  };
}
