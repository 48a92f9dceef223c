import { useQuery } from '@tanstack/react-query';
import { useClient } from '../api/client';
import { appInfoOptions } from '../api/queries';
import { QueryError } from '../components/QueryError';
import { AccountsSummarySection } from '../components/settings/AccountsSummarySection';
import { AppearanceSection } from '../components/settings/AppearanceSection';
import { DataFolderSection } from '../components/settings/DataFolderSection';
import { DiagnosticsSection } from '../components/settings/DiagnosticsSection';
import { NotificationsSection } from '../components/settings/NotificationsSection';
import { RefreshSection } from '../components/settings/RefreshSection';
import { StartAtLoginSection } from '../components/settings/StartAtLoginSection';
import { useSettings } from '../components/settings/use-settings';
import '../components/settings/settings.css';

export function SettingsPage(): React.JSX.Element {
  const client = useClient();
  const info = useQuery(appInfoOptions(client));
  const { settings, data, change, error } = useSettings();

  return (
    <section aria-labelledby="settings-title" className="settings-page">
      <header className="page-header">
        <h1 id="settings-title">Settings</h1>
      </header>
      {settings.error && <QueryError error={settings.error} what="settings" />}
      {error && <QueryError error={error} what="the new setting" />}
      {settings.isPending && <p className="muted">Loading…</p>}
      {data && (
        <>
          <AppearanceSection settings={data} change={change} />
          <RefreshSection settings={data} change={change} />
          <NotificationsSection settings={data} change={change} />
          <StartAtLoginSection settings={data} mode={info.data?.mode} change={change} />
        </>
      )}
      <DataFolderSection info={info.data} />
      <AccountsSummarySection />
      <DiagnosticsSection />
    </section>
  );
}
