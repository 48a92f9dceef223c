// What every approval card shows under what would ship: the state of its
// decision (sending, sent from elsewhere, done, failed) and the Approve and
// Reject buttons that open the confirmation dialog.
import type { ContractError } from '../../../../shared/result';
import { decisionErrorText } from './decision-errors';
import type { Decision, DecisionState } from './use-decision';

export interface DecisionControlsProps {
  state: DecisionState;
  /** A decision is in flight here or elsewhere. */
  sending: boolean;
  /** What the buttons decide, for their accessible names ("Approve <where>"). */
  where: string;
  /** What happens after each decision, in the provider's words. */
  doneText: Record<Decision, string>;
  /** "this approval", "this run": what another window may already be deciding. */
  subject: string;
  provider: 'aws' | 'github';
  now: Date;
  /** Nothing this user can decide (e.g. not a required reviewer): the buttons stay disabled. */
  blocked?: boolean;
}

export function DecisionControls(props: DecisionControlsProps): React.JSX.Element {
  const { state, sending, where, doneText, subject, provider, now, blocked = false } = props;
  const { open, done, error, openDialog } = state;
  return (
    <>
      {sending && !done && (
        <p role="status" className="muted">
          Sending a decision…
        </p>
      )}
      {done === 'elsewhere' && (
        <p role="status" className="muted">
          A decision for {subject} is already being sent (from another window or a notification).
        </p>
      )}
      {(done === 'approve' || done === 'reject') && (
        <p role="status" className="ok-text">
          {doneText[done]}
        </p>
      )}
      {error && open === null && <DecisionError error={error} now={now} provider={provider} />}
      {done === null && (
        <div className="approval-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={sending || blocked}
            aria-label={`Approve ${where}`}
            onClick={() => openDialog('approve')}
          >
            Approve
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={sending || blocked}
            aria-label={`Reject ${where}`}
            onClick={() => openDialog('reject')}
          >
            Reject
          </button>
        </div>
      )}
    </>
  );
}

function DecisionError(props: { error: ContractError; now: Date; provider: 'aws' | 'github' }): React.JSX.Element {
  return (
    <p role="alert" className="problem">
      {decisionErrorText(props.error, props.now, props.provider).message}
    </p>
  );
}
