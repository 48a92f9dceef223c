// The confirmation before a decision leaves: names exactly what would ship,
// takes a comment (a reason, for a rejection), keeps focus inside itself and
// cancels on Escape. Sending and the answer belong to the card that opened it.
import { useId, useRef, useState } from 'react';
import type { ContractError } from '../../../../shared/result';
import { useModalKeys } from '../focus-trap';
import { cleanComment, maxCommentLength } from './approval-text';
import { decisionErrorText, retryKind } from './decision-errors';

export interface DecisionDialogProps {
  /** What is decided, e.g. "pipeline › stage › action?" (after the verb). */
  heading: string;
  /** Where it waits: account and region, or repository and run. */
  where: React.ReactNode;
  /** What would ship if approved. */
  ships: React.ReactNode;
  /** Where the truth is when Starboard cannot tell (the AWS console, the run on GitHub). */
  external: { href: string; label: string } | undefined;
  provider: 'aws' | 'github';
  decision: 'approve' | 'reject';
  pending: boolean;
  /** The last attempt's failure, if any. */
  error: ContractError | undefined;
  /**
   * GitHub: the environments the run waits for, to tick (as GitHub's own
   * review dialog does); those the user may not review are shown, disabled,
   * with why. The decision covers the ticked ones.
   */
  environments?: readonly ReviewableEnvironment[];
  onSubmit: (comment: string, environments?: number[]) => void;
  onCancel: () => void;
}

export interface ReviewableEnvironment {
  id: number;
  name: string;
  canApprove: boolean;
  reason?: string;
}

export function DecisionDialog(props: DecisionDialogProps): React.JSX.Element {
  const { heading, where, ships, external, provider, decision, pending, error, environments, onSubmit, onCancel } =
    props;
  const [comment, setComment] = useState('');
  const [ticked, setTicked] = useState<ReadonlySet<number>>(
    () => new Set(environments?.filter((e) => e.canApprove).map((e) => e.id)),
  );
  const dialog = useRef<HTMLDivElement>(null);
  const keys = useModalKeys(dialog, onCancel);
  const ids = useId();
  const reject = decision === 'reject';
  const verb = reject ? 'Reject' : 'Approve';
  const missingReason = reject && comment.trim() === '';
  const retry = error ? retryKind(error) : undefined;
  const explained = error ? decisionErrorText(error, new Date(), provider) : undefined;
  const noneTicked = environments !== undefined && ticked.size === 0;
  const canSubmit = !pending && !missingReason && !noneTicked && comment.length <= maxCommentLength && retry !== 'none';
  const toggle = (id: number, on: boolean): void =>
    setTicked((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <div className="dialog-backdrop">
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${ids}-title`}
        aria-describedby={`${ids}-where`}
        className="dialog decision-dialog"
        tabIndex={-1}
        onKeyDown={keys}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!canSubmit) return;
            if (environments === undefined) onSubmit(comment);
            else
              onSubmit(
                comment,
                environments.filter((e) => ticked.has(e.id)).map((e) => e.id),
              );
          }}
        >
          <h2 id={`${ids}-title`}>
            {verb} {heading}
          </h2>
          <p id={`${ids}-where`} className="muted">
            {where}
          </p>
          <h3 className="section-title">{reject ? 'What would have shipped' : 'What will ship'}</h3>
          {ships}

          {environments !== undefined && (
            <fieldset className="environment-choice">
              <legend>{reject ? 'Reject deployments to' : 'Approve deployments to'}</legend>
              {environments.map((environment) => (
                <label key={environment.id} className={environment.canApprove ? 'checkbox' : 'checkbox muted'}>
                  <input
                    type="checkbox"
                    checked={ticked.has(environment.id)}
                    disabled={!environment.canApprove}
                    onChange={(event) => toggle(environment.id, event.target.checked)}
                  />
                  <strong>{environment.name}</strong>
                  {!environment.canApprove && (
                    <span className="small"> · not yours to review: {environment.reason ?? 'GitHub says no.'}</span>
                  )}
                </label>
              ))}
              {noneTicked && <span className="muted small">Tick at least one environment.</span>}
            </fieldset>
          )}

          <div className="field">
            <label htmlFor={`${ids}-comment`}>{reject ? 'Reason (required)' : 'Comment (optional)'}</label>
            <textarea
              id={`${ids}-comment`}
              rows={3}
              maxLength={maxCommentLength}
              value={comment}
              required={reject}
              aria-describedby={`${ids}-count`}
              onChange={(event) => setComment(cleanComment(event.target.value))}
            />
            <span id={`${ids}-count`} className="muted small counter">
              {comment.length}/{maxCommentLength}
            </span>
          </div>

          {pending && (
            <p role="status" className="muted">
              Sending your decision…
            </p>
          )}
          {explained && !pending && (
            <div className="notice notice-error" role="alert">
              <p>
                {explained.message}{' '}
                {explained.checkConsole && external && (
                  <a href={external.href} target="_blank" rel="noreferrer">
                    {external.label}
                  </a>
                )}
              </p>
            </div>
          )}

          <div className="dialog-actions">
            <button type="button" className="button" onClick={onCancel}>
              {retry === 'none' ? 'Close' : 'Cancel'}
            </button>
            {retry !== 'none' && (
              <button
                type="submit"
                className={`button ${reject ? 'button-danger' : 'button-primary'}`}
                disabled={!canSubmit}
              >
                {pending ? 'Sending…' : retry === 'same-request' ? 'Try again' : verb}
              </button>
            )}
          </div>
        </form>
      </div>
    </div>
  );
}
