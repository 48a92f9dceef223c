// The way into the repository picker, where there is at least one GitHub
// account: "Watch GitHub repositories…" on Home, "Add GitHub repository…"
// on a project's page (which then is every result's target).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useClient } from '../../api/client';
import { projectsOptions, workspaceOptions } from '../../api/queries';
import { RepositoryPicker } from './RepositoryPicker';

export function WatchRepositoriesButton({
  project,
  className,
}: {
  project?: string;
  /** The class of the element around the button. */
  className: string;
}): React.JSX.Element | null {
  const client = useClient();
  const workspace = useQuery(workspaceOptions(client));
  const projects = useQuery(projectsOptions(client));
  const [open, setOpen] = useState(false);
  const accounts = workspace.data?.githubAccounts ?? [];
  if (accounts.length === 0) return null;

  return (
    <div className={className}>
      <button type="button" className="button button-small" onClick={() => setOpen(true)}>
        {project === undefined ? 'Watch GitHub repositories…' : 'Add GitHub repository…'}
      </button>
      {open && (
        <RepositoryPicker
          accounts={accounts}
          projects={(projects.data?.projects ?? []).map(({ id, name }) => ({ id, name }))}
          {...(project !== undefined ? { project } : {})}
          onClose={() => setOpen(false)}
        />
      )}
    </div>
  );
}
