// The confirmation before a build is stopped or retried: names exactly what
// happens (project, build, source version) in the shared ConfirmDialog.
// Sending belongs to the button that opened it.
import type { Build } from '../../../../shared/builds';
import type { ContractError } from '../../../../shared/result';
import { ConfirmDialog } from '../ConfirmDialog';
import { shortSourceVersion } from '../project/source-version';
import './builds.css';

export type BuildActionKind = 'stop' | 'retry';

const words = {
  stop: {
    iamAction: 'codebuild:StopBuild',
    nothing: 'Nothing was stopped.',
    refused: 'CodeBuild did not stop the build',
  },
  retry: {
    iamAction: 'codebuild:RetryBuild',
    nothing: 'No build was started.',
    refused: 'CodeBuild did not retry the build',
  },
} as const;

export function buildLabel(build: Pick<Build, 'project' | 'number' | 'id'>): string {
  return build.number !== undefined ? `${build.project} #${build.number}` : build.id;
}

export function BuildActionDialog({
  kind,
  build,
  pending,
  error,
  onConfirm,
  onCancel,
}: {
  kind: BuildActionKind;
  build: Build;
  pending: boolean;
  error: ContractError | undefined;
  onConfirm: () => void;
  onCancel: () => void;
}): React.JSX.Element {
  const version = shortSourceVersion(build);
  const stop = kind === 'stop';
  return (
    <ConfirmDialog
      title={`${stop ? 'Stop' : 'Retry'} build ${buildLabel(build)}?`}
      description={
        <>
          <p>
            {stop
              ? 'CodeBuild stops the build where it is; its remaining phases do not run and it ends as Stopped.'
              : 'CodeBuild starts a new build of the project with the same source version and settings. This build stays as it is.'}
          </p>
          <dl className="confirm-facts">
            <div>
              <dt>Project</dt>
              <dd>{build.project}</dd>
            </div>
            <div>
              <dt>Build</dt>
              <dd>
                <code>{build.id}</code>
              </dd>
            </div>
            <div>
              <dt>Source version</dt>
              <dd>{version ? <code>{version}</code> : 'the project’s default'}</dd>
            </div>
            <div>
              <dt>Account / region</dt>
              <dd>
                {build.location.accountId} / {build.location.region}
              </dd>
            </div>
          </dl>
        </>
      }
      confirmLabel={stop ? 'Stop build' : 'Retry build'}
      pendingLabel={stop ? 'Stopping…' : 'Retrying…'}
      pendingText={stop ? 'Asking CodeBuild to stop the build…' : 'Asking CodeBuild to start the build again…'}
      words={words[kind]}
      danger={stop}
      pending={pending}
      error={error}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
