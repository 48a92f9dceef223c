import { useState } from 'react';
import type { ProjectEvent } from '../../../../shared/events';
import { projectHref } from '../../routes';
import { relativeTime } from '../../time';
import { eventLook } from './event-looks';
import { Icon } from './Icon';

/**
 * The latest events, newest first: what happened, to which project, how long
 * ago. `projectNames` names the projects an event belongs to; leave it out
 * on a project's own page.
 */
export function ActivityFeed({
  events,
  now,
  projectNames,
  pageSize = 12,
  label = 'Recent activity',
}: {
  events: ProjectEvent[];
  now: number;
  projectNames?: Map<string, string>;
  pageSize?: number;
  label?: string;
}): React.JSX.Element {
  const [shown, setShown] = useState(pageSize);
  if (events.length === 0) return <p className="muted">Nothing has happened yet.</p>;
  return (
    <>
      <ol className="activity" aria-label={label}>
        {events.slice(0, shown).map((event) => {
          const look = eventLook(event);
          const projects = projectNames
            ? event.projects.flatMap((id) => {
                const name = projectNames.get(id);
                return name === undefined ? [] : [{ id, name }];
              })
            : [];
          return (
            <li key={event.id} className={`activity-item tone-${look.tone}`}>
              <span className="activity-icon">
                <Icon name={look.icon} />
              </span>
              <span className="activity-body">
                <span className="activity-kind">{look.label}</span>
                <a className="activity-summary" href={event.data.consoleUrl} target="_blank" rel="noreferrer">
                  {event.summary}
                </a>
                <span className="activity-meta muted small">
                  {projects.map((project) => (
                    <a key={project.id} href={projectHref(project.id)} className="activity-project">
                      {project.name}
                    </a>
                  ))}
                  <time dateTime={event.at} title={new Date(event.at).toLocaleString()}>
                    {relativeTime(event.at, now)}
                  </time>
                </span>
              </span>
            </li>
          );
        })}
      </ol>
      {events.length > shown && (
        <button type="button" className="button button-small" onClick={() => setShown(shown + 30)}>
          Show older activity
        </button>
      )}
    </>
  );
}
