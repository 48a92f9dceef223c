import { useQuery } from '@tanstack/react-query';
import { useClient } from '../../api/client';
import { projectsOptions, workspaceOptions } from '../../api/queries';
import { SettingsSection } from './SettingsSection';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** A summary with the way to the pages that manage accounts and projects; nothing is edited here. */
export function AccountsSummarySection(): React.JSX.Element {
  const client = useClient();
  const workspace = useQuery(workspaceOptions(client));
  const projects = useQuery(projectsOptions(client));
  const confirmed = projects.data?.projects.filter((project) => project.state === 'confirmed').length;
  const proposed = projects.data?.projects.filter((project) => project.state !== 'confirmed').length;

  return (
    <SettingsSection id="accounts" title="Accounts and projects">
      {workspace.data ? (
        <dl className="about">
          <dt>AWS</dt>
          <dd>
            {plural(workspace.data.awsAccounts.length, 'account')}
            {workspace.data.awsAccounts.length > 0 &&
              `: ${workspace.data.awsAccounts.map((account) => account.label).join(', ')}`}
          </dd>
          <dt>GitHub</dt>
          <dd>
            {plural(workspace.data.githubAccounts.length, 'account')}
            {workspace.data.githubAccounts.length > 0 &&
              `: ${workspace.data.githubAccounts.map((account) => account.label).join(', ')}`}
          </dd>
          <dt>Projects</dt>
          <dd>
            {confirmed === undefined
              ? 'Loading…'
              : `${plural(confirmed, 'project')}${proposed ? `, ${proposed} suggested` : ''}`}
          </dd>
        </dl>
      ) : (
        <p className="muted">Loading…</p>
      )}
      <p className="settings-links">
        <a href="#/accounts">Manage accounts</a>
        <a href="#/home">Review projects</a>
      </p>
    </SettingsSection>
  );
}
