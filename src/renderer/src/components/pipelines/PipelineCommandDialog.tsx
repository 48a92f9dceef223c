// The confirmation before a pipeline command (release a change, stop an
// execution, retry a stage), in the shared ConfirmDialog: CodePipeline's
// refusal shows there, with the IAM permission that was missing.
import type { ContractError } from '../../../../shared/result';
import { ConfirmDialog } from '../ConfirmDialog';

export interface PipelineCommandDialogProps {
  title: string;
  /** What will happen, in one or two sentences (the dialog's description). */
  description: React.ReactNode;
  /** Options (radio buttons, a reason), between the description and the buttons. */
  children?: React.ReactNode;
  confirmLabel: string;
  pendingText: string;
  /** The IAM action the command needs, named when access is denied. */
  iamAction: string;
  danger?: boolean;
  pending: boolean;
  error: ContractError | undefined;
  onConfirm: () => void;
  onCancel: () => void;
}

export function PipelineCommandDialog({ iamAction, ...props }: PipelineCommandDialogProps): React.JSX.Element {
  return (
    <ConfirmDialog
      {...props}
      words={{ iamAction, nothing: 'Nothing was changed.', refused: 'CodePipeline did not accept the request' }}
    />
  );
}
