import { useQuery } from '@tanstack/react-query';
import { useClient } from '../api/client';
import { appInfoOptions, workspaceOptions } from '../api/queries';
import { DemoOffer } from '../components/DemoOffer';
import { QueryError } from '../components/QueryError';

export function HomePage(): React.JSX.Element {
  const client = useClient();
  const workspace = useQuery(workspaceOptions(client));
  const info = useQuery(appInfoOptions(client));

  if (workspace.error) return <QueryError error={workspace.error} what="your workspace" />;
  if (!workspace.data) return <p className="muted">Loading…</p>;

  const { awsAccounts, githubAccounts, projects } = workspace.data;
  const accounts = awsAccounts.length + githubAccounts.length;

  return (
    <section aria-labelledby="home-title">
      <header className="page-header">
        <h1 id="home-title">Home</h1>
        <p className="muted">Your projects across AWS and GitHub, in one place.</p>
      </header>

      <div className="summary" role="list">
        <Stat label="AWS accounts" value={awsAccounts.length} />
        <Stat label="GitHub accounts" value={githubAccounts.length} />
        <Stat label="Projects" value={projects.length} />
      </div>

      {accounts === 0 && (
        <div className="empty" data-testid="empty-workspace">
          <h2>No accounts connected yet</h2>
          <p>
            Starboard watches the pipelines, builds, repositories and deployments of the AWS accounts and GitHub hosts
            in your workspace, and groups them into projects.
          </p>
          {info.data && (
            <p className="muted">
              The workspace is kept in <code>{info.data.dataDir}</code> (config.json).
            </p>
          )}
          <DemoOffer />
        </div>
      )}

      {projects.length > 0 && (
        <ul className="cards" aria-label="Projects">
          {projects.map((project) => (
            <li key={project.id} className="card">
              <h2>{project.name}</h2>
              <p className="muted">
                {project.resources.length} {project.resources.length === 1 ? 'resource' : 'resources'}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Stat({ label, value }: { label: string; value: number }): React.JSX.Element {
  return (
    <div className="stat" role="listitem">
      <span className="stat-value">{value}</span>
      <span className="stat-label">{label}</span>
    </div>
  );
}
