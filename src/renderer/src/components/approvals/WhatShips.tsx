import type { AwsApprovalSummary } from '../../../../shared/model';
import { firstLine, linkHref, shortRevision } from './approval-text';

type Revision = AwsApprovalSummary['sourceRevisions'][number];

function RevisionLine({ revision }: { revision: Revision }): React.JSX.Element {
  const href = linkHref(revision.revisionUrl);
  const id = revision.revisionId;
  return (
    <li className="revision">
      <span className="revision-action">{revision.actionName}</span>
      {id !== undefined &&
        (href ? (
          <a href={href} target="_blank" rel="noreferrer" title={id}>
            <code>{shortRevision(id)}</code>
          </a>
        ) : (
          <code title={id}>{shortRevision(id)}</code>
        ))}
      {revision.commitMessage !== undefined && (
        <span className="revision-message">{firstLine(revision.commitMessage)}</span>
      )}
      {revision.author && <span className="muted">by {revision.author.name}</span>}
    </li>
  );
}

/** The execution's source revisions: what approving lets through. */
export function WhatShips({ approval }: { approval: AwsApprovalSummary }): React.JSX.Element {
  if (approval.sourceRevisions.length === 0) {
    return (
      <p className="muted small">
        Starboard has not read this execution’s source revisions yet; the console shows them.
      </p>
    );
  }
  return (
    <ul className="revisions" aria-label="What would ship">
      {approval.sourceRevisions.map((revision) => (
        <RevisionLine key={`${revision.actionName}-${revision.revisionId ?? ''}`} revision={revision} />
      ))}
    </ul>
  );
}
