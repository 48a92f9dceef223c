// The head of a repository's page: where it lives, its name and provider, its
// project, the way out to the provider, and its ARN or clone URL to copy.
import { codecommitRepositoryArn } from '../../../../shared/project-resources';
import { projectHref } from '../../route-paths';
import { CopyButton } from '../deployments/CopyButton';
import { ExternalLink } from '../project/ExternalLink';
import { ProviderMark } from './ProviderMark';
import { githubUrl, providerLabels, type RepositoryResource } from './repository-list';

export function RepositoryHeader({
  resource,
  project,
  underTitle,
}: {
  resource: RepositoryResource;
  project: { id: string; name: string } | undefined;
  underTitle: React.ReactNode;
}): React.JSX.Element {
  const github = resource.kind === 'github-repository';
  const provider = github ? 'github' : 'codecommit';
  const name = github ? resource.data.fullName : resource.data.repository;
  const description = github ? resource.data.repository?.description : undefined;
  const where = github
    ? `GitHub account ${resource.data.accountKey}${resource.data.repository?.private ? ' · private' : ''}`
    : `${resource.data.location.region} · ${resource.data.location.accountId}`;
  return (
    <header className="page-header repo-header">
      <p className="repo-eyebrow small muted">
        <span className={`repo-provider repo-provider-${provider}`}>
          <ProviderMark provider={provider} />
          {providerLabels[provider]}
        </span>
        {' · '}
        {where}
      </p>
      <h1 id="repository-title">{name}</h1>
      {description !== undefined && description !== '' && <p className="repo-description">{description}</p>}
      <p className="small repo-project">
        {project ? (
          <>
            Project: <a href={projectHref(project.id)}>{project.name}</a>
          </>
        ) : (
          <span className="muted">Not part of a project</span>
        )}
      </p>
      {underTitle}
      <div className="repo-actions">
        {github ? (
          <>
            <ExternalLink href={githubUrl(resource)} className="button button-small">
              Open on GitHub
            </ExternalLink>
            {/* GitHub serves a repository's HTTPS clone at its page's address plus ".git". */}
            <CopyButton label="Copy clone URL" value={`${githubUrl(resource)}.git`} />
          </>
        ) : (
          <>
            <ExternalLink href={resource.data.consoleUrl} className="button button-small">
              Open in AWS console
            </ExternalLink>
            <CopyButton
              label="Copy ARN"
              value={codecommitRepositoryArn(resource.data.location, resource.data.repository)}
            />
          </>
        )}
      </div>
    </header>
  );
}
