// What a CodePipeline approval's author left for the reviewer, as both the
// Approvals page's card and the review window show it: the note
// (CustomData), the link to review first (a plain code span when it is not
// an https link), and the execution in the AWS console.
import type { AwsApprovalSummary } from '../../../../shared/model';
import { linkHref } from './approval-text';

export function AwsApprovalNotes(props: {
  approval: AwsApprovalSummary;
  /** The note's heading level where it sits: h3 in a card, h2 in the review window. */
  heading: 'h2' | 'h3';
}): React.JSX.Element {
  const { approval, heading: Heading } = props;
  const entityHref = linkHref(approval.externalEntityLink);
  const consoleHref = linkHref(approval.consoleUrl);
  return (
    <>
      {approval.customData !== undefined && (
        <div className="custom-data">
          <Heading className="section-title">Note from the pipeline</Heading>
          <p>{approval.customData}</p>
        </div>
      )}
      <p className="review-links">
        {approval.externalEntityLink !== undefined && (
          <span>
            Review first:{' '}
            {entityHref ? (
              <a href={entityHref} target="_blank" rel="noreferrer">
                {approval.externalEntityLink}
              </a>
            ) : (
              <code>{approval.externalEntityLink}</code>
            )}
          </span>
        )}
        {consoleHref && (
          <a href={consoleHref} target="_blank" rel="noreferrer">
            Open in the AWS console
          </a>
        )}
      </p>
    </>
  );
}
