// The confirmation before a decision leaves, as a modal dialog over the
// Approvals page: the DecisionForm, with focus kept inside and Escape to
// cancel. Sending and the answer belong to the card that opened it.
import { useId, useRef } from 'react';
import { useModalKeys } from '../focus-trap';
import { DecisionForm, type DecisionFormProps } from './DecisionForm';

export type { ReviewableEnvironment } from './DecisionForm';

export type DecisionDialogProps = Omit<DecisionFormProps, 'ids' | 'headingLevel'>;

export function DecisionDialog(props: DecisionDialogProps): React.JSX.Element {
  const dialog = useRef<HTMLDivElement>(null);
  const keys = useModalKeys(dialog, props.onCancel);
  const ids = useId();

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
        <DecisionForm {...props} ids={ids} />
      </div>
    </div>
  );
}
