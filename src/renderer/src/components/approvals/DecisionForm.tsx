// The confirmation form of a decision: names exactly what would ship, takes a
// comment (a reason, for a rejection) and the GitHub environments, and says
// why the last attempt failed. The Approvals page shows it in a modal dialog
// (DecisionDialog); the review window shows it in place (ReviewPage).
import { useState } from 'react';
import type { ContractError } from '../../../../shared/result';
import { cleanComment, maxCommentLength } from './approval-text';
import { decisionErrorText, retryKind } from './decision-errors';

export interface DecisionFormProps {
  /** What is decided, e.g. "pipeline › stage › action?" (after the verb). */
  heading: string;
  /** Where it waits: account and region, or repository and run. */
  where: React.ReactNode;
  /** What would ship if approved; left out where the page around the form already shows it. */
  ships?: React.ReactNode;
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
  /** Prefix of the element ids, so a dialog around the form can name its title and where-line. */
  ids: string;
  /** The heading's level: 2 in a dialog over a page, where the page has its own h1. */
  headingLevel?: 2 | 3;
}

export interface ReviewableEnvironment {
  id: number;
  name: string;
  canApprove: boolean;
  reason?: string;
}

export function DecisionForm(props: DecisionFormProps): React.JSX.Element {
  const { heading, where, ships, external, provider, decision, pending, error, environments, onSubmit, onCancel } =
    props;
  const { ids, headingLevel = 2 } = props;
  const [comment, setComment] = useState('');
  const [ticked, setTicked] = useState<ReadonlySet<number>>(
    () => new Set(environments?.filter((e) => e.canApprove).map((e) => e.id)),
  );
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
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <form
      className="decision-form"
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
      <Heading id={`${ids}-title`}>
        {verb} {heading}
      </Heading>
      <p id={`${ids}-where`} className="muted">
        {where}
      </p>
      {ships !== undefined && (
        <>
          <h3 className="section-title">{reject ? 'What would have shipped' : 'What will ship'}</h3>
          {ships}
        </>
      )}

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
  );
}
