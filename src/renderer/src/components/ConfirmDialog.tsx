// The confirmation before a command changes something in AWS (stop a build,
// release a change, stop a deployment): a modal that names exactly what will
// happen, keeps focus inside itself starting on Cancel (so Enter alone changes
// nothing), cancels on Escape, and shows the provider's refusal in words.
// Sending belongs to the button that opened it.
import { useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { ContractError } from '../../../shared/result';
import { type ActionWords, actionErrorText, canTryAgain } from './action-errors';
import { useModalKeys } from './focus-trap';

export interface ConfirmDialogProps {
  title: string;
  /** What will happen: a sentence, a list of facts (the dialog's description). */
  description: React.ReactNode;
  /** Options (a checkbox, radio buttons, a reason) between the description and the buttons. */
  children?: React.ReactNode;
  confirmLabel: string;
  /** The confirm button's text while the command is on its way ("Stopping…"); the confirm label otherwise. */
  pendingLabel?: string;
  pendingText: string;
  /** How a refusal is said. */
  words: ActionWords;
  danger?: boolean;
  pending: boolean;
  /** The last attempt's failure, if any. */
  error: ContractError | undefined;
  onConfirm: () => void;
  onCancel: () => void;
  /** A class for the dialog box, for the caller's layout of its description. */
  className?: string;
}

export function ConfirmDialog(props: ConfirmDialogProps): React.JSX.Element {
  const { title, description, children, confirmLabel, pendingLabel, pendingText, words } = props;
  const { danger = false, className = '' } = props;
  const { pending, error, onConfirm, onCancel } = props;
  const dialog = useRef<HTMLDivElement>(null);
  const keys = useModalKeys(dialog, onCancel, 'button[data-cancel]');
  const ids = useId();
  const retry = canTryAgain(error);
  // Drawn over the whole page, not inside the stacking order of the header that opened it.
  return createPortal(
    <div className="dialog-backdrop">
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${ids}-title`}
        aria-describedby={`${ids}-what`}
        className={`dialog confirm-dialog ${className}`}
        tabIndex={-1}
        onKeyDown={keys}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!pending && retry) onConfirm();
          }}
        >
          <h2 id={`${ids}-title`}>{title}</h2>
          <div id={`${ids}-what`} className="confirm-dialog-what">
            {description}
          </div>
          {children}
          {pending && (
            <p role="status" className="muted">
              {pendingText}
            </p>
          )}
          {error && !pending && (
            <div className="notice notice-error" role="alert">
              <p>{actionErrorText(error, words)}</p>
            </div>
          )}
          <div className="dialog-actions">
            <button type="button" className="button" data-cancel onClick={onCancel}>
              {retry ? 'Cancel' : 'Close'}
            </button>
            {retry && (
              <button
                type="submit"
                className={`button ${danger ? 'button-danger' : 'button-primary'}`}
                disabled={pending}
              >
                {pending ? (pendingLabel ?? confirmLabel) : error ? 'Try again' : confirmLabel}
              </button>
            )}
          </div>
        </form>
      </div>
    </div>,
    document.body,
  );
}
