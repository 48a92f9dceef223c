import type { GitHubWorkflowRun } from '../../../../shared/github';
import { githubRunLabel, githubRunStatus } from '../../../../shared/github-health';
import { Icon } from './Icon';
import { RunStatusBadge } from './RunStatus';

/** A workflow run's status pill; a run waiting for review pauses in the waiting colour instead of spinning. */
export function GitHubRunBadge({ run }: { run: GitHubWorkflowRun }): React.JSX.Element {
  if (run.status === 'waiting')
    return (
      <span className="run run-waiting">
        <Icon name="pause" className="run-icon" />
        <span>Waiting</span>
      </span>
    );
  return <RunStatusBadge status={githubRunStatus(run)} label={githubRunLabel(run)} />;
}
