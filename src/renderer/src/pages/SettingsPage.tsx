import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useClient } from '../api/client';
import { unwrap } from '../api/contract-error';
import { appInfoOptions, settingsOptions } from '../api/queries';
import { QueryError } from '../components/QueryError';
import type { Settings } from '../../../shared/model';

const themes: { value: Settings['theme']; label: string }[] = [
  { value: 'system', label: 'Match the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function SettingsPage(): React.JSX.Element {
  const client = useClient();
  const queryClient = useQueryClient();
  const settings = useQuery(settingsOptions(client));
  const info = useQuery(appInfoOptions(client));
  const update = useMutation({
    mutationFn: (patch: Partial<Settings>) => unwrap(client.command('settings.update', patch)),
    onSuccess: (next) => queryClient.setQueryData(settingsOptions(client).queryKey, next),
  });

  // Show the choice at once; the hub's answer (or an error) follows.
  const theme = (update.isPending ? update.variables.theme : undefined) ?? settings.data?.theme;

  return (
    <section aria-labelledby="settings-title">
      <header className="page-header">
        <h1 id="settings-title">Settings</h1>
      </header>
      {settings.error && <QueryError error={settings.error} what="settings" />}
      {update.error && <QueryError error={update.error} what="the new setting" />}

      <fieldset className="group" disabled={!settings.data}>
        <legend>Appearance</legend>
        {themes.map((option) => (
          <label key={option.value} className="radio">
            <input
              type="radio"
              name="theme"
              value={option.value}
              checked={theme === option.value}
              onChange={() => update.mutate({ theme: option.value })}
            />
            {option.label}
          </label>
        ))}
      </fieldset>

      {info.data && (
        <dl className="group about">
          <dt>Version</dt>
          <dd>{info.data.version}</dd>
          <dt>Running as</dt>
          <dd>{info.data.mode === 'browser' ? 'Browser mode (npm run web)' : 'Desktop app'}</dd>
          <dt>Platform</dt>
          <dd>{info.data.platform}</dd>
          <dt>Data folder</dt>
          <dd>
            <code>{info.data.dataDir}</code>
          </dd>
        </dl>
      )}
    </section>
  );
}
