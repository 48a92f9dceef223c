import { useState } from 'react';
import { useBuildCommand } from '../api/builds';
import { ContractFailure } from '../api/contract-error';
import { useDashboardData } from '../api/dashboard';
import { BuildActionDialog, type BuildActionKind, buildLabel } from '../components/builds/BuildActionDialog';
import { BuildLogPanel } from '../components/builds/BuildLogPanel';
import { PhaseTimeline } from '../components/builds/PhaseTimeline';
import { FreshnessNote } from '../components/dashboard/FreshnessNote';
import { buildStatusWord, RunStatusBadge } from '../components/dashboard/RunStatus';
import { TimeAgo } from '../components/dashboard/TimeAgo';
import { useNow } from '../components/dashboard/use-now';
import { CopyButton } from '../components/deployments/CopyButton';
import { ExternalLink } from '../components/project/ExternalLink';
import { shortSourceVersion } from '../components/project/source-version';
import { QueryError } from '../components/QueryError';
import type { Build } from '../../../shared/builds';
import { buildRunStatus } from '../../../shared/project-health';
import { projectHolding } from '../../../shared/project-resources';
import { resourceStaleness } from '../../../shared/staleness';
import { buildHref, projectHref } from '../route-paths';
import { durationText, elapsed } from '../time';
import '../components/builds/builds.css';

/** #/builds/build:<arn>: one CodeBuild build — status, phases, tests, its log (streaming while it runs), stop and retry. */
export function BuildPage({
  resourceId,
  line,
}: {
  resourceId: string;
  executionId?: string;
  line?: number;
}): React.JSX.Element {
  const { projects, snapshot, refresh } = useDashboardData();
  const now = useNow(5_000);
  const resource = snapshot.data?.resources[resourceId];
  const build = resource?.kind === 'build' ? resource : undefined;
  const projectId = build && projects.data ? projectHolding(build, projects.data.projects) : undefined;
  const project = projects.data?.projects.find((p) => p.id === projectId);

  return (
    <section aria-labelledby="build-title" className="build-page">
      <nav aria-label="Breadcrumb" className="breadcrumb small">
        <a href="#/builds">Builds</a>
        {project && (
          <>
            {' / '}
            <a href={projectHref(project.id)}>{project.name}</a>
          </>
        )}
        {build && <> / {buildLabel(build.data)}</>}
      </nav>
      {snapshot.error && <QueryError error={snapshot.error} what="the latest status" />}
      {!snapshot.data && !snapshot.error && <p className="muted">Loading…</p>}
      {snapshot.data && !build && (
        <>
          <h1 id="build-title">Build not found</h1>
          <div className="tile empty">
            <p>Starboard does not hold this build (any more).</p>
            <p className="muted small">
              It keeps the recent builds of each connected account. <a href="#/builds">See every build</a>.
            </p>
          </div>
        </>
      )}
      {snapshot.data && build && (
        <>
          <BuildHeader build={build.data} now={now} />
          <FreshnessNote staleness={resourceStaleness(build, snapshot.data, refresh.data, now)} now={now} quiet />
          <div className="build-grid">
            <section className="tile" aria-labelledby="build-phases-title">
              <h2 id="build-phases-title" className="tile-title">
                Phases
              </h2>
              <PhaseTimeline phases={build.data.phases} complete={build.data.complete} now={now} />
            </section>
            <div className="tile-column">
              {build.data.tests && <TestsTile tests={build.data.tests} />}
              <section className="tile" aria-labelledby="build-env-title">
                <h2 id="build-env-title" className="tile-title">
                  Environment variables
                </h2>
                {build.data.environmentVariables.length === 0 ? (
                  <p className="muted small">None set for this build.</p>
                ) : (
                  <>
                    <p className="muted small">Names only: Starboard never reads the values.</p>
                    <ul className="build-vars">
                      {build.data.environmentVariables.map((v) => (
                        <li key={v.name}>
                          <code title={v.type}>{v.name}</code>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </section>
            </div>
          </div>
          <BuildLogPanel
            key={build.data.arn}
            resourceId={resourceId}
            build={build.data}
            {...(line === undefined ? {} : { line })}
          />
        </>
      )}
    </section>
  );
}

function BuildHeader({ build, now }: { build: Build; now: number }): React.JSX.Element {
  const ran = elapsed(build.startTime, build.complete ? build.endTime : undefined, now);
  const version = shortSourceVersion(build);
  return (
    <header className="page-header build-header">
      <div className="build-title-row">
        <RunStatusBadge status={buildRunStatus(build)} label={buildStatusWord(build)} />
        <h1 id="build-title">{buildLabel(build)}</h1>
        <div className="build-actions">
          <BuildActionButton kind="stop" build={build} />
          <BuildActionButton kind="retry" build={build} />
          <ExternalLink
            href={build.consoleUrl}
            className="button button-small"
            label="Open the build in the AWS console"
          >
            Open in AWS console
          </ExternalLink>
          <CopyButton value={build.arn} label="Copy ARN" />
        </div>
      </div>
      <dl className="build-facts">
        <div>
          <dt>Project</dt>
          <dd>{build.project}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>{build.startTime ? <TimeAgo iso={build.startTime} now={now} /> : '—'}</dd>
        </div>
        <div>
          <dt>{build.complete ? 'Took' : 'Running for'}</dt>
          <dd>{ran === undefined ? '—' : durationText(ran)}</dd>
        </div>
        <div>
          <dt>Started by</dt>
          <dd>{build.initiator ?? '—'}</dd>
        </div>
        <div>
          <dt>Source version</dt>
          <dd>
            {version ? <code title={build.resolvedSourceVersion ?? build.sourceVersion}>{version}</code> : '—'}
            {build.sourceVersion &&
              build.resolvedSourceVersion &&
              build.sourceVersion !== build.resolvedSourceVersion && (
                <span className="muted small"> (asked for {build.sourceVersion})</span>
              )}
          </dd>
        </div>
        <div>
          <dt>{build.complete ? 'Ended in phase' : 'Current phase'}</dt>
          <dd>{build.currentPhase ?? '—'}</dd>
        </div>
      </dl>
    </header>
  );
}

function BuildActionButton({ kind, build }: { kind: BuildActionKind; build: Build }): React.JSX.Element | null {
  const [open, setOpen] = useState(false);
  const command = useBuildCommand(kind);
  const [answer, setAnswer] = useState<string>();
  if (kind === 'stop' && build.complete && !open) return null;
  if (kind === 'retry' && !build.complete && !open && answer === undefined) return null;
  const error =
    command.error instanceof ContractFailure
      ? command.error.detail
      : command.error
        ? { code: 'internal' as const, message: command.error.message }
        : undefined;
  return (
    <>
      <button
        type="button"
        className={`button button-small${kind === 'stop' ? ' button-danger' : ''}`}
        onClick={() => {
          command.reset();
          setOpen(true);
        }}
      >
        {kind === 'stop' ? 'Stop build' : 'Retry'}
      </button>
      {answer && (
        <span role="status" className="small">
          {answer}
        </span>
      )}
      {open && (
        <BuildActionDialog
          kind={kind}
          build={build}
          pending={command.isPending}
          error={error}
          onCancel={() => setOpen(false)}
          onConfirm={() =>
            command.mutate(build.arn, {
              onSuccess: ({ buildArn }) => {
                setOpen(false);
                if (kind === 'stop') setAnswer('CodeBuild is stopping the build.');
                else window.location.hash = buildHref(`build:${buildArn}`);
              },
            })
          }
        />
      )}
    </>
  );
}

function TestsTile({ tests }: { tests: NonNullable<Build['tests']> }): React.JSX.Element {
  const ok = tests.failed === 0;
  return (
    <section className="tile" aria-labelledby="build-tests-title">
      <h2 id="build-tests-title" className="tile-title">
        Tests
      </h2>
      <p className="build-tests">
        <RunStatusBadge
          status={ok ? 'succeeded' : 'failed'}
          label={ok ? `${tests.passed} passed` : `${tests.failed} of ${tests.total} failed`}
        />
        <span className="small muted">
          {tests.passed} passed · {tests.failed} failed · {tests.skipped} skipped · {durationText(tests.durationMs)}
          {tests.reports > 1 && ` · ${tests.reports} reports`}
        </span>
      </p>
    </section>
  );
}
