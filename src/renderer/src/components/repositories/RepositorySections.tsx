// The sections of a repository's page: open pull requests, branches (with the
// pipelines and workflow runs that build them), recent commits, and for GitHub
// the latest workflow runs. Untrusted text (titles, messages) is only text.
import type { GitHubRepositoryRead } from '../../../../shared/github';
import { durationText } from '../../time';
import { pipelineHref, runHref } from '../../route-paths';
import { GitHubRunBadge } from '../dashboard/GitHubRunBadge';
import { TimeAgo } from '../dashboard/TimeAgo';
import { CopyButton } from '../deployments/CopyButton';
import { ExternalLink } from '../project/ExternalLink';
import { PullRequestRow } from './PullRequestRow';
import type { BranchView, CommitView, PullView } from './repository-detail';

const short = (sha: string): string => sha.slice(0, 7);

function Section({
  id,
  title,
  count,
  children,
}: {
  id: string;
  title: string;
  count?: number;
  children: React.ReactNode;
}): React.JSX.Element {
  return (
    <section className="tile repo-section" aria-labelledby={id} data-testid={id}>
      <h2 id={id} className="tile-title">
        {title}
        {count !== undefined && <span className="repo-section-count">{count}</span>}
      </h2>
      {children}
    </section>
  );
}

export function PullRequestsSection({
  pulls,
  github,
  now,
  name,
}: {
  pulls: PullView[];
  github: boolean;
  now: number;
  name: string;
}): React.JSX.Element {
  return (
    <Section id="repo-pulls" title="Open pull requests" count={pulls.length}>
      {pulls.length === 0 ? (
        <p className="muted">No open pull requests.</p>
      ) : (
        <ul className="pull-requests repo-pulls" aria-label={`Open pull requests of ${name}`}>
          {pulls.map((pr) => (
            <PullRequestRow key={pr.key} pr={pr} now={now} provider={github ? 'GitHub' : 'the AWS console'} />
          ))}
        </ul>
      )}
    </Section>
  );
}

export function BranchesSection({
  branches,
  github,
  target,
  now,
}: {
  branches: BranchView[];
  github: boolean;
  /** GitHub: the account and repository, for run links. */
  target?: { accountKey: string; repository: string };
  now: number;
}): React.JSX.Element {
  return (
    <Section id="repo-branches" title="Branches" count={branches.length}>
      <p className="muted small repo-section-note">
        {github
          ? 'Starboard does not list a GitHub repository’s branches: these are its default branch and the branches of its open pull requests and recent workflow runs.'
          : 'Head commits are read for the default branch and the branches a pipeline builds.'}
      </p>
      {branches.length === 0 ? (
        <p className="muted">No branch read yet.</p>
      ) : (
        <div className="repo-table-scroll">
          <table className="builds repo-branches">
            <thead>
              <tr>
                <th scope="col">Branch</th>
                <th scope="col">Head commit</th>
                <th scope="col">Updated</th>
                <th scope="col">Built by</th>
              </tr>
            </thead>
            <tbody>
              {branches.map((branch) => (
                <tr key={branch.name} data-testid={`branch-${branch.name}`}>
                  <th scope="row">
                    <span className="branch">{branch.name}</span>
                    {branch.isDefault && <span className="muted small"> default</span>}
                  </th>
                  <td className="repo-cell-wrap">
                    {branch.head ? (
                      <>
                        {branch.head.url !== undefined ? (
                          <ExternalLink href={branch.head.url} label={`Commit ${short(branch.head.sha)}`}>
                            <code>{short(branch.head.sha)}</code>
                          </ExternalLink>
                        ) : (
                          <code>{short(branch.head.sha)}</code>
                        )}
                        {branch.head.subject !== undefined && (
                          <span className="commit-subject"> {branch.head.subject}</span>
                        )}
                        {branch.seenIn !== undefined && <span className="muted small"> · seen in {branch.seenIn}</span>}
                      </>
                    ) : (
                      <span className="muted small">Not read</span>
                    )}
                  </td>
                  <td>
                    {branch.head?.date !== undefined ? (
                      <TimeAgo iso={branch.head.date} now={now} />
                    ) : (
                      <span className="muted small">—</span>
                    )}
                  </td>
                  <td className="repo-cell-wrap">
                    <BuiltBy branch={branch} target={target} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

function BuiltBy({
  branch,
  target,
}: {
  branch: BranchView;
  target: { accountKey: string; repository: string } | undefined;
}): React.JSX.Element {
  if (branch.pipelines.length === 0 && !branch.latestRun) return <span className="muted small">—</span>;
  return (
    <span className="repo-built-by">
      {branch.pipelines.map((p) => (
        <a key={p.id} href={pipelineHref(p.id)} className="repo-pipeline-link">
          {p.name}
        </a>
      ))}
      {branch.latestRun && target && (
        <a href={runHref({ ...target, runId: branch.latestRun.id })} className="repo-run-link">
          <GitHubRunBadge run={branch.latestRun} />
          <span className="repo-run-name">
            {branch.latestRun.name} #{branch.latestRun.runNumber}
          </span>
        </a>
      )}
    </span>
  );
}

export function CommitsSection({
  commits,
  branch,
  now,
}: {
  commits: CommitView[];
  branch: string | undefined;
  now: number;
}): React.JSX.Element {
  return (
    <Section id="repo-commits" title={branch ? `Recent commits on ${branch}` : 'Recent commits'} count={commits.length}>
      {commits.length === 0 ? (
        <p className="muted">No commit read yet.</p>
      ) : (
        <ol className="repo-commits" aria-label="Recent commits">
          {commits.map((c) => (
            <li key={c.sha} className="repo-commit">
              <span className="repo-commit-subject">{c.subject}</span>
              <span className="repo-commit-meta small muted">
                {c.author}
                {c.date !== undefined && (
                  <>
                    {', '}
                    <TimeAgo iso={c.date} now={now} />
                  </>
                )}
              </span>
              <span className="repo-commit-sha">
                <ExternalLink href={c.url} label={`Commit ${short(c.sha)}`}>
                  <code>{short(c.sha)}</code>
                </ExternalLink>
                <CopyButton label="Copy SHA" value={c.sha} />
              </span>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

export function RunsSection({ read, now }: { read: GitHubRepositoryRead; now: number }): React.JSX.Element {
  const runs = read.runs.slice(0, 15);
  const target = { accountKey: read.accountKey, repository: read.fullName };
  return (
    <Section id="repo-runs" title="Latest workflow runs" count={runs.length}>
      {runs.length === 0 ? (
        <p className="muted">No workflow run read yet.</p>
      ) : (
        <ul className="gh-runs repo-runs" aria-label={`Latest workflow runs of ${read.fullName}`}>
          {runs.map((run) => (
            <li key={run.id} className="gh-run">
              <div className="gh-run-head">
                <GitHubRunBadge run={run} />
                <a href={runHref({ ...target, runId: run.id })} className="gh-run-name">
                  {run.name} #{run.runNumber}
                </a>
                <span className="gh-run-title">{run.title}</span>
              </div>
              <p className="gh-run-detail small muted">
                {run.branch !== undefined && <span className="branch">{run.branch}</span>}
                <span>{run.event}</span>
                {run.actor !== undefined && <span>{run.actor}</span>}
                <TimeAgo iso={run.createdAt} now={now} />
                {run.durationMs !== undefined && <span>took {durationText(run.durationMs)}</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
