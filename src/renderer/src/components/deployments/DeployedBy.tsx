// The two lines a deployment's origin takes: the commit (short sha and the
// message's first line, the whole on hover) and what deployed it (a pipeline
// execution, a workflow run, or CodeDeploy's creator), each with its link.
import type { TracedCommit } from '../../../../shared/deploy-trace';
import type { DeployedBy } from '../../../../shared/live-trace';
import { projectHref, runHref } from '../../routes';
import { ExternalLink } from '../project/ExternalLink';

const isSha = (id: string): boolean => /^[0-9a-f]{7,64}$/i.test(id);
export const shortCommit = (id: string): string => (isSha(id) ? id.slice(0, 7) : id);
/** CodePipeline execution ids are UUIDs: the first group tells them apart. */
export const shortExecution = (id: string): string => id.slice(0, 8);
const firstLine = (text: string): string => text.split('\n', 1)[0] ?? '';

/** `abc1234 Fix the cart`; the sha is left out when `shownSha` already shows it. */
export function CommitText({ commit, shownSha }: { commit: TracedCommit; shownSha?: string }): React.JSX.Element {
  const short = shortCommit(commit.id);
  const sha = (
    <code className="deploy-revision" title={commit.id}>
      {short}
    </code>
  );
  return (
    <span className="deploy-commit">
      {shownSha !== short &&
        (commit.url !== undefined ? (
          <ExternalLink href={commit.url} label={`Commit ${short}`}>
            {sha}
          </ExternalLink>
        ) : (
          sha
        ))}
      {commit.message !== undefined && commit.message !== '' && (
        <span className="deploy-commit-message" title={commit.message}>
          {firstLine(commit.message)}
        </span>
      )}
    </span>
  );
}

/**
 * "by storefront-pipeline · 3f2a9c1e", "by workflow run #12", "by user". The
 * pipeline links to the project's page when one is given, else the console.
 */
export function DeployedByText({
  by,
  projectId,
}: {
  by: DeployedBy;
  /** The project whose page shows the pipeline. */
  projectId?: string;
}): React.JSX.Element {
  switch (by.kind) {
    case 'pipeline': {
      const { pipeline, executionId, executionUrl } = by;
      const title = `Pipeline ${pipeline.name}, ${by.stage} / ${by.action}${executionId ? `, execution ${executionId}` : ''}`;
      return (
        <span className="deploy-by" title={title}>
          {'by '}
          {projectId !== undefined ? (
            <a href={projectHref(projectId)}>{pipeline.name}</a>
          ) : (
            <ExternalLink href={pipeline.consoleUrl} label={`${pipeline.name} in the AWS console`}>
              {pipeline.name}
            </ExternalLink>
          )}
          {executionId !== undefined && (
            <>
              {' · '}
              {executionUrl !== undefined ? (
                <ExternalLink href={executionUrl} label={`Execution ${executionId} in the AWS console`}>
                  <code>{shortExecution(executionId)}</code>
                </ExternalLink>
              ) : (
                <code>{shortExecution(executionId)}</code>
              )}
            </>
          )}
        </span>
      );
    }
    case 'workflow-run': {
      const number = by.runNumber ?? by.runId;
      return (
        <span className="deploy-by" title={by.name !== undefined ? `Workflow ${by.name}, run #${number}` : undefined}>
          {'by '}
          <a href={runHref({ accountKey: by.accountKey, repository: by.repository, runId: by.runId })}>
            workflow run #{number}
          </a>
        </span>
      );
    }
    case 'creator':
      return (
        <span className="deploy-by" title={`Created by ${by.creator}`}>
          by {by.label}
        </span>
      );
  }
}
