import { useMemo } from 'react';
import type { BuildProjectHealth } from '../../../../shared/project-health';
import type { Staleness } from '../../../../shared/staleness';
import { durationText, elapsed, relativeTime } from '../../time';
import { buildHref } from '../../route-paths';
import { FreshnessNote } from '../dashboard/FreshnessNote';
import { buildStatusWord, RunStatusBadge } from '../dashboard/RunStatus';
import { buildRunStatus } from '../../../../shared/project-health';
import { BuildChart } from './BuildChart';
import { shortSourceVersion } from './source-version';

/** How many builds each CodeBuild project shows. */
const perProject = 5;

/** The project's builds of the last 30 days as a chart, then the latest builds of each of its CodeBuild projects. */
export function BuildsTile({
  projects,
  freshness,
  now,
}: {
  projects: BuildProjectHealth[];
  freshness: Map<string, Staleness>;
  now: number;
}): React.JSX.Element {
  const all = useMemo(() => projects.flatMap((p) => p.builds.map((b) => b.data)), [projects]);
  return (
    <section className="tile" aria-labelledby="builds-title">
      <h2 id="builds-title" className="tile-title">
        Builds
      </h2>
      {projects.length === 0 && <p className="muted">No builds of this project’s CodeBuild projects yet.</p>}
      {projects.length > 0 && <BuildChart builds={all} now={now} />}
      {projects.map((project) => (
        <div key={project.arn} className="build-project" data-testid={`builds-${project.project}`}>
          <h3 className="row-title">{project.project}</h3>
          <table className="builds">
            <caption className="visually-hidden">Latest builds of {project.project}</caption>
            <thead>
              <tr>
                <th scope="col">Build</th>
                <th scope="col">Status</th>
                <th scope="col">Source</th>
                <th scope="col">Duration</th>
                <th scope="col">Started</th>
              </tr>
            </thead>
            <tbody>
              {project.builds.slice(0, perProject).map(({ id, data: build }) => {
                const ran = elapsed(build.startTime, build.complete ? build.endTime : undefined, now);
                const tests = build.tests;
                return (
                  <tr key={id}>
                    <td>
                      <a href={buildHref(id)} aria-label={`Build ${build.number ?? build.id}`}>
                        {build.number !== undefined ? `#${build.number}` : build.id.split(':').at(-1)?.slice(0, 8)}
                      </a>
                    </td>
                    <td>
                      <RunStatusBadge status={buildRunStatus(build)} label={buildStatusWord(build)} />
                      {tests && tests.failed > 0 && (
                        <span className="small problem">
                          {' '}
                          · {tests.failed} of {tests.total} tests failed
                        </span>
                      )}
                    </td>
                    <td>
                      <code>{shortSourceVersion(build)}</code>
                    </td>
                    <td>{ran === undefined ? '' : durationText(ran)}</td>
                    <td>
                      {build.startTime && (
                        <time dateTime={build.startTime} title={new Date(build.startTime).toLocaleString()}>
                          {relativeTime(build.startTime, now)}
                        </time>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <FreshnessNote staleness={freshness.get(project.latest.id)} now={now} quiet />
        </div>
      ))}
    </section>
  );
}
