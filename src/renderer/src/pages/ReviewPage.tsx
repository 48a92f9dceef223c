// The small review window of one approval (#/review/<id>), opened by a
// notification or the tray: names exactly what would ship and asks for the
// confirmation itself. A notification's Approve or Reject only opens that
// form (focused); nothing is sent before a click on it. An approval that no
// longer waits shows how it ended and no way to decide.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { ApprovalSummary } from '../../../shared/model';
import { useClient } from '../api/client';
import { approvalsOptions } from '../api/queries';
import { DecisionControls } from '../components/approvals/DecisionControls';
import { DecisionForm } from '../components/approvals/DecisionForm';
import { ReviewGone } from '../components/approvals/ReviewGone';
import { decisionWords, ReviewShips, ReviewWhere } from '../components/approvals/ReviewSubject';
import { type Decision, type DecisionState, useDecision } from '../components/approvals/use-decision';
import { useNow } from '../components/approvals/use-now';
import { QueryError } from '../components/QueryError';

const title = 'Review approval — Starboard';

/** The window is the review: closing it is the way out (browser mode's tab may refuse, harmlessly). */
const closeWindow = (): void => window.close();

export function ReviewPage({ approvalId, decision }: { approvalId: string; decision?: Decision }): React.JSX.Element {
  const client = useClient();
  const approvals = useQuery(approvalsOptions(client));
  const now = useNow();
  const state = useDecision(approvalId, decision ?? null);
  const listed = approvals.data?.find((approval) => approval.approvalId === approvalId);
  // A decision sent from here takes the approval off the list; the window keeps showing what was decided.
  const [known, setKnown] = useState<ApprovalSummary | undefined>(undefined);
  if (listed !== undefined && listed !== known) setKnown(listed);
  const decidedHere = state.done !== null || state.pending || state.error !== undefined;
  const shown = listed ?? (decidedHere ? known : undefined);
  const gone = approvals.data !== undefined && shown === undefined;
  const { open, closeDialog } = state;

  useEffect(() => {
    const previous = document.title;
    document.title = title;
    return () => {
      document.title = previous;
    };
  }, []);

  // Escape backs out of an open form, else closes the window (a dialog above handles its own Escape first).
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      if (open !== null && !gone) closeDialog();
      else closeWindow();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, gone, closeDialog]);

  return (
    <section className="review" aria-labelledby="review-title">
      <header className="review-header">
        <h1 id="review-title">Review approval</h1>
        {shown && <ReviewWhere approval={shown} now={now} />}
      </header>
      {approvals.error && !shown && <QueryError error={approvals.error} what="the approval" />}
      {!approvals.data && !approvals.error && <p className="muted">Loading the approval…</p>}
      {shown && <ReviewBody approval={shown} state={state} now={now} />}
      {gone && <ReviewGone approvalId={approvalId} onClose={closeWindow} />}
    </section>
  );
}

function ReviewBody(props: { approval: ApprovalSummary; state: DecisionState; now: Date }): React.JSX.Element {
  const { approval, state, now } = props;
  const words = decisionWords(approval);
  const { open, done, pending } = state;
  const sending = approval.submitting || pending || done === 'elsewhere';

  return (
    <>
      <ReviewShips approval={approval} />
      <div className="review-decision">
        {open !== null && done === null ? (
          <ReviewForm key={open} approval={approval} state={state} decision={open} />
        ) : (
          <div className={done === null ? 'review-choice' : undefined}>
            {done === null && !sending && (
              <p className="muted">Approve or reject: you confirm, with a comment, on the next step.</p>
            )}
            <DecisionControls
              state={state}
              sending={sending}
              where={words.target}
              doneText={words.doneText}
              subject={words.subject}
              provider={approval.provider}
              now={now}
              blocked={words.blocked}
            />
          </div>
        )}
        {done !== null && <CloseButton />}
      </div>
    </>
  );
}

/** The confirmation, in place and focused on its comment (a rejection's reason) when it opens. */
function ReviewForm(props: { approval: ApprovalSummary; state: DecisionState; decision: Decision }): React.JSX.Element {
  const { approval, state, decision } = props;
  const words = decisionWords(approval);
  const form = useRef<HTMLDivElement>(null);
  useEffect(() => {
    form.current?.querySelector('textarea')?.focus();
  }, []);
  return (
    <div ref={form}>
      <DecisionForm
        ids="review-decision"
        headingLevel={2}
        heading={words.heading}
        where={words.where}
        external={words.external}
        provider={approval.provider}
        decision={decision}
        pending={state.pending}
        error={state.error}
        {...(words.environments ? { environments: words.environments } : {})}
        onSubmit={state.submit}
        onCancel={state.closeDialog}
      />
    </div>
  );
}

/** After the decision: the window's work is done. */
function CloseButton(): React.JSX.Element {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    button.current?.focus();
  }, []);
  return (
    <div className="dialog-actions">
      <button ref={button} type="button" className="button" onClick={closeWindow}>
        Close
      </button>
    </div>
  );
}
