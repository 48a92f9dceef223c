import type { ProjectView } from '../../../../shared/projects';
import { ContractFailure } from '../../api/contract-error';
import { useProjectEdit } from '../../api/projects';
import { projectHref } from '../../routes';

const kindWords: Partial<Record<ProjectView['members'][number]['kind'], string>> = {
  pipeline: 'pipeline',
  'codecommit-repository': 'repository',
  'github-repository': 'GitHub repository',
  'codebuild-project': 'build project',
};

/** "2 pipelines, 1 repository and 3 more" */
export function memberSummary(members: ProjectView['members']): string {
  const counts = new Map<string, number>();
  let other = 0;
  for (const member of members) {
    const word = kindWords[member.kind];
    if (word === undefined) other += 1;
    else counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const parts = [...counts].map(([word, n]) => `${n} ${word}${n === 1 ? '' : 's'}`);
  if (other > 0) parts.push(`${other} other ${other === 1 ? 'resource' : 'resources'}`);
  if (parts.length === 0) return 'no resources';
  return parts.length === 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
}

/** Projects discovery suggests, kept apart and quieter until the user confirms or dismisses them. */
export function ProposedProjects({ projects }: { projects: ProjectView[] }): React.JSX.Element | null {
  const edit = useProjectEdit();
  if (projects.length === 0) return null;
  const busy = (id: string): boolean => edit.isPending && 'project' in edit.variables && edit.variables.project === id;
  return (
    <section className="proposed" aria-labelledby="proposed-title">
      <h2 id="proposed-title" className="section-title">
        Suggested projects
      </h2>
      <p className="muted small">
        Starboard grouped these resources by their pipelines, repositories and tags. Confirm one to watch it on this
        page.
      </p>
      {edit.error && (
        <p className="notice notice-error" role="alert">
          {edit.error instanceof ContractFailure ? edit.error.message : 'The project could not be changed.'}
        </p>
      )}
      <ul className="list" aria-label="Suggested projects">
        {projects.map((project) => (
          <li key={project.id} className="list-item proposed-item" data-testid={`proposed-${project.id}`}>
            <span className="proposed-main">
              <a href={projectHref(project.id)}>{project.name}</a>
              <span className="muted small">{memberSummary(project.members)}</span>
            </span>
            <span className="actions">
              <button
                type="button"
                className="button button-small"
                disabled={busy(project.id)}
                onClick={() => edit.mutate({ kind: 'confirm', project: project.id })}
                aria-label={`Confirm ${project.name}`}
              >
                Confirm
              </button>
              <button
                type="button"
                className="button button-small button-quiet"
                disabled={busy(project.id)}
                onClick={() => edit.mutate({ kind: 'dismiss', project: project.id })}
                aria-label={`Dismiss ${project.name}`}
              >
                Dismiss
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
