import { useQuery } from '@tanstack/react-query';
import type { NotificationKind, NotificationRules, Settings, SettingsPatch } from '../../../../shared/model';
import { notificationKinds } from '../../../../shared/settings-values';
import { useClient } from '../../api/client';
import { projectsOptions } from '../../api/queries';
import { useNow } from '../dashboard/use-now';
import { SettingsSection } from './SettingsSection';

const kindLabels: Record<NotificationKind, { label: string; detail: string }> = {
  failed: { label: 'Failures', detail: 'A pipeline, build, workflow run or deployment fails.' },
  fixed: { label: 'Fixed', detail: 'Something that failed succeeds again.' },
  approval: { label: 'Approvals waiting', detail: 'A manual approval or a protected environment waits for someone.' },
  deployment: { label: 'Deployments', detail: 'A deployment starts or finishes.' },
  health: { label: 'Health changes', detail: 'An environment or service becomes unhealthy, or recovers.' },
  succeeded: { label: 'Every success', detail: 'Each successful run. Noisy on busy projects.' },
};

/** Tomorrow at 08:00 local time. */
function tomorrowMorning(now: number): string {
  const date = new Date(now);
  date.setDate(date.getDate() + 1);
  date.setHours(8, 0, 0, 0);
  return date.toISOString();
}

const timeFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });

export function NotificationsSection({
  settings,
  change,
}: {
  settings: Settings;
  change: (patch: SettingsPatch) => void;
}): React.JSX.Element {
  const client = useClient();
  const projects = useQuery(projectsOptions(client));
  const now = useNow(30_000);
  const rules = settings.notifications;
  const set = (next: Partial<NotificationRules>) => change({ notifications: { ...rules, ...next } });
  const pausedUntil = rules.pausedUntil !== null && Date.parse(rules.pausedUntil) > now ? rules.pausedUntil : null;
  const confirmed = projects.data?.projects.filter((project) => project.state === 'confirmed') ?? [];
  const unknownMuted = rules.mutedProjects.filter((id) => !confirmed.some((project) => project.id === id));

  return (
    <SettingsSection
      id="notifications"
      title="Notifications"
      description="Which changes Starboard tells you about with a system notification."
    >
      <div className="settings-pause" role="group" aria-label="Pause notifications">
        <p role="status" className={pausedUntil ? 'settings-paused' : 'settings-active'}>
          <span aria-hidden="true" className={pausedUntil ? 'settings-dot settings-dot-paused' : 'settings-dot'} />
          {pausedUntil ? (
            <>
              Paused until{' '}
              <time dateTime={pausedUntil} title={new Date(pausedUntil).toLocaleString()}>
                {timeFormat.format(new Date(pausedUntil))}
              </time>
            </>
          ) : (
            'Notifications are on'
          )}
        </p>
        <div className="settings-buttons">
          <button
            type="button"
            className="button button-small"
            onClick={() => set({ pausedUntil: new Date(now + 3_600_000).toISOString() })}
          >
            Pause for 1 hour
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={() => set({ pausedUntil: tomorrowMorning(now) })}
          >
            Pause until tomorrow
          </button>
          {pausedUntil && (
            <button type="button" className="button button-small" onClick={() => set({ pausedUntil: null })}>
              Resume now
            </button>
          )}
        </div>
      </div>

      <fieldset className="settings-choices">
        <legend>Notify me about</legend>
        {notificationKinds.map((kind) => (
          <label key={kind} className="checkbox settings-radio-detail">
            <input
              type="checkbox"
              checked={rules.kinds[kind]}
              onChange={(event) => set({ kinds: { ...rules.kinds, [kind]: event.target.checked } })}
              aria-describedby={`notify-${kind}`}
            />
            <span>
              {kindLabels[kind].label}
              <span id={`notify-${kind}`} className="muted small settings-option-detail">
                {kindLabels[kind].detail}
              </span>
            </span>
          </label>
        ))}
      </fieldset>

      <fieldset className="settings-choices">
        <legend>Quiet hours</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={rules.quietHours.enabled}
            onChange={(event) => set({ quietHours: { ...rules.quietHours, enabled: event.target.checked } })}
          />
          No notifications at night
        </label>
        <div className="settings-hours">
          <label className="field">
            <span>From</span>
            <input
              type="time"
              value={rules.quietHours.from}
              disabled={!rules.quietHours.enabled}
              onChange={(event) => {
                if (/^\d\d:\d\d$/.test(event.target.value))
                  set({ quietHours: { ...rules.quietHours, from: event.target.value } });
              }}
            />
          </label>
          <label className="field">
            <span>To</span>
            <input
              type="time"
              value={rules.quietHours.to}
              disabled={!rules.quietHours.enabled}
              onChange={(event) => {
                if (/^\d\d:\d\d$/.test(event.target.value))
                  set({ quietHours: { ...rules.quietHours, to: event.target.value } });
              }}
            />
          </label>
        </div>
        <p className="muted small settings-note">Local time; the hours may span midnight.</p>
      </fieldset>

      <fieldset className="settings-choices">
        <legend>Muted projects</legend>
        {projects.isPending && <p className="muted">Loading…</p>}
        {projects.data && confirmed.length === 0 && <p className="muted small">No projects yet.</p>}
        {confirmed.map((project) => (
          <label key={project.id} className="checkbox">
            <input
              type="checkbox"
              checked={rules.mutedProjects.includes(project.id)}
              onChange={(event) =>
                set({
                  mutedProjects: event.target.checked
                    ? [...rules.mutedProjects, project.id]
                    : rules.mutedProjects.filter((id) => id !== project.id),
                })
              }
            />
            Mute {project.name}
          </label>
        ))}
        {unknownMuted.length > 0 && (
          <p className="muted small settings-note">
            Also muted: {unknownMuted.length} project{unknownMuted.length === 1 ? '' : 's'} not in this workspace.
          </p>
        )}
      </fieldset>
    </SettingsSection>
  );
}
