import { deploymentRunStatus, deploymentStateLabel, waitingEnvironments } from '../../../../shared/github-health';
import type { GitHubDeployment, GitHubEnvironmentDeployments } from '../../../../shared/github';
import type { SnapshotResource } from '../../../../shared/snapshot';
import type { Staleness } from '../../../../shared/staleness';
import { FreshnessNote } from '../dashboard/FreshnessNote';
import { Icon } from '../dashboard/Icon';
import { RunStatusBadge } from '../dashboard/RunStatus';
import { TimeAgo } from '../dashboard/TimeAgo';
import { linkHref } from '../approvals/approval-text';
import { ExternalLink } from './ExternalLink';
import { environmentUrl, shortSha } from './github-text';

/** GitHub environments: the newest deployment of each, and which commit is live there since when. */
export function EnvironmentsTile({
  repositories,
  freshness,
  now,
}: {
  repositories: SnapshotResource<'github-repository'>[];
  freshness: Map<string, Staleness>;
  now: number;
}): React.JSX.Element {
  return (
    <section className="tile" aria-labelledby="environments-title">
      <h2 id="environments-title" className="tile-title">
        Environments
      </h2>
      {repositories.map((resource) => {
        const read = resource.data;
        const waiting = new Set([...waitingEnvironments(read).values()].flat());
        return (
          <div key={resource.id} className="repository" data-testid={`environments-${read.fullName}`}>
            <h3 className="row-title">{read.fullName}</h3>
            <ul className="environments" aria-label={`Environments of ${read.fullName}`}>
              {read.environments.map((env) => (
                <EnvironmentRow
                  key={env.environment.id}
                  env={env}
                  url={environmentUrl(env, read)}
                  waiting={waiting.has(env.environment.name)}
                  now={now}
                />
              ))}
            </ul>
            <FreshnessNote staleness={freshness.get(resource.id)} now={now} quiet />
          </div>
        );
      })}
    </section>
  );
}

function EnvironmentRow({
  env,
  url,
  waiting,
  now,
}: {
  env: GitHubEnvironmentDeployments;
  url: string;
  waiting: boolean;
  now: number;
}): React.JSX.Element {
  const { environment, latest, live } = env;
  return (
    <li className="environment" data-testid={`environment-${environment.name}`}>
      <div className="row-head">
        <ExternalLink href={url} className="environment-name" label={`${environment.name} on GitHub`}>
          {environment.name}
        </ExternalLink>
        {latest ? (
          <RunStatusBadge
            status={deploymentRunStatus(latest.state)}
            label={deploymentStateLabel(latest.state, latest.statuses[0]?.rawState)}
          />
        ) : (
          <span className="muted small">Never deployed</span>
        )}
        {waiting && (
          <a className="count count-waiting small" href="#/approvals">
            <Icon name="pause" />
            Waiting for review
          </a>
        )}
      </div>
      <p className="row-detail muted small">
        {live ? (
          <>
            Live: <code>{shortSha(live.sha)}</code> since <TimeAgo iso={live.since} now={now} />
          </>
        ) : (
          'Nothing live yet'
        )}
        {latest && latest.sha !== live?.sha && (
          <>
            {' · newest: '}
            <code>{shortSha(latest.sha)}</code> <TimeAgo iso={latest.createdAt} now={now} />
            {latest.creator && ` by ${latest.creator}`}
          </>
        )}
      </p>
      {latest && latest.statuses.length > 0 && <StatusHistory deployment={latest} now={now} />}
    </li>
  );
}

/** The newest deployment's statuses, newest first: queued, in progress, success or failure, with what it said. */
function StatusHistory({ deployment, now }: { deployment: GitHubDeployment; now: number }): React.JSX.Element {
  return (
    <details className="deployment-history small">
      <summary>
        History of <code>{shortSha(deployment.sha)}</code> ({deployment.statuses.length}{' '}
        {deployment.statuses.length === 1 ? 'status' : 'statuses'})
      </summary>
      <ol aria-label={`Statuses of the deployment of ${shortSha(deployment.sha)} to ${deployment.environment}`}>
        {deployment.statuses.map((status) => (
          <li key={`${status.createdAt}|${status.rawState ?? status.state}`}>
            <span className="deployment-status">{deploymentStateLabel(status.state, status.rawState)}</span>{' '}
            <TimeAgo iso={status.createdAt} now={now} />
            {status.description !== undefined && status.description !== '' && (
              <span className="muted"> · {status.description}</span>
            )}
            <StatusLink url={status.targetUrl} />
          </li>
        ))}
      </ol>
    </details>
  );
}

/** The page a status reported, when it is a web address (never another scheme). */
function StatusLink({ url }: { url: string | undefined }): React.JSX.Element | null {
  const href = linkHref(url);
  if (href === undefined) return null;
  return (
    <>
      {' · '}
      <ExternalLink href={href}>details</ExternalLink>
    </>
  );
}
