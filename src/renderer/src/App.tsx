import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useClient } from './api/client';
import { useConnectionState } from './api/connection';
import { appInfoOptions, demoStatusOptions, settingsOptions, useHubEvents } from './api/queries';
import { DemoBanner } from './components/DemoBanner';
import { PromptDialog } from './components/PromptDialog';
import { AccountsPage } from './pages/AccountsPage';
import { Sidebar } from './components/Sidebar';
import { StoreNotices } from './components/StoreNotices';
import { ApprovalsPage } from './pages/ApprovalsPage';
import { HomePage } from './pages/HomePage';
import { SettingsPage } from './pages/SettingsPage';
import { useCurrentPage, usePageShortcuts } from './routes';

export function App(): React.JSX.Element {
  const client = useClient();
  useHubEvents(client);
  usePageShortcuts();
  const page = useCurrentPage();
  const connection = useConnectionState(client);
  const info = useQuery(appInfoOptions(client));
  const settings = useQuery(settingsOptions(client));
  const demo = useQuery(demoStatusOptions(client));

  const theme = settings.data?.theme ?? 'system';
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);

  return (
    <div className="app">
      <Sidebar current={page} />
      <main className="content" aria-live="polite">
        <DemoBanner />
        {info.data && <StoreNotices notices={info.data.storeNotices} />}
        {info.data?.warnings.map((warning) => (
          <div key={warning} className="notice notice-warning" role="alert">
            {warning}
          </div>
        ))}
        {page === 'home' && <HomePage />}
        {page === 'approvals' && <ApprovalsPage />}
        {page === 'accounts' && <AccountsPage />}
        {page === 'settings' && <SettingsPage />}
      </main>
      <PromptDialog />
      <footer className="status-bar">
        <span className={`connection connection-${connection}`} data-testid="connection">
          {connection === 'connected' ? 'Connected' : 'Reconnecting…'}
        </span>
        {demo.data?.active && <span className="demo-pill">Demo data</span>}
        {info.data && (
          <span>
            Starboard {info.data.version} · {info.data.mode === 'browser' ? 'browser mode' : 'desktop'}
          </span>
        )}
      </footer>
    </div>
  );
}
