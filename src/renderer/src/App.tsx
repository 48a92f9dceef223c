import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { useClient } from './api/client';
import { useHubEvents } from './api/hub-events';
import { appInfoOptions, settingsOptions } from './api/queries';
import { useSystemSignals } from './api/system-signals';
import { DemoBanner } from './components/DemoBanner';
import { PromptDialog } from './components/PromptDialog';
import { AccountsPage } from './pages/AccountsPage';
import { CommandPalette } from './components/palette/CommandPalette';
import { ShortcutsSheet } from './components/palette/ShortcutsSheet';
import { isMacPlatform } from './components/palette/shortcuts';
import { useOverlay, usePaletteCommands } from './components/palette/use-palette';
import { Sidebar } from './components/Sidebar';
import { StoreNotices } from './components/StoreNotices';
import { ApprovalsPage } from './pages/ApprovalsPage';
import { BuildPage } from './pages/BuildPage';
import { BuildsPage } from './pages/BuildsPage';
import { PipelinePage } from './pages/PipelinePage';
import { PipelinesPage } from './pages/PipelinesPage';
import { RepositoriesPage } from './pages/RepositoriesPage';
import { RepositoryPage } from './pages/RepositoryPage';
import { ReviewPage } from './pages/ReviewPage';
import { CodeDeployDeploymentPage, DeploymentsPage } from './pages/DeploymentsPage';
import { DeployTargetPage } from './pages/DeployTargetPage';
import { HomePage } from './pages/HomePage';
import { JobLogPage } from './pages/JobLogPage';
import { ProjectPage } from './pages/ProjectPage';
import { RunPage } from './pages/RunPage';
import { SettingsPage } from './pages/SettingsPage';
import { StatusBar } from './components/StatusBar';
import { sidebarPage, useCurrentRoute, usePageShortcuts } from './routes';

/** Read once: key names in the sidebar, the palette and the shortcuts sheet follow the platform. */
const mac = isMacPlatform(navigator);

export function App(): React.JSX.Element {
  const client = useClient();
  useHubEvents(client);
  useSystemSignals(client);
  const route = useCurrentRoute();
  usePageShortcuts(route.page !== 'review');
  const page = route.page;
  const info = useQuery(appInfoOptions(client));
  const settings = useQuery(settingsOptions(client));
  const [overlay, setOverlay] = useOverlay();
  const showShortcuts = useCallback(() => setOverlay('shortcuts'), [setOverlay]);
  const runCommand = usePaletteCommands(showShortcuts);

  const theme = settings.data?.theme ?? 'system';
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);

  // The review window (a small window of its own, opened by a notification): the review alone, no sidebar or status bar.
  if (route.page === 'review') {
    return (
      <main className="review-window">
        <ReviewPage
          key={`${route.approvalId}/${route.decision ?? ''}`}
          approvalId={route.approvalId}
          {...(route.decision === undefined ? {} : { decision: route.decision })}
        />
        <PromptDialog />
      </main>
    );
  }

  return (
    <div className="app">
      <Sidebar current={sidebarPage(route)} mac={mac} onSearch={() => setOverlay('palette')} />
      <main className="content">
        <DemoBanner />
        {info.data && <StoreNotices notices={info.data.storeNotices} />}
        {info.data?.warnings.map((warning) => (
          <div key={warning} className="notice notice-warning" role="alert">
            {warning}
          </div>
        ))}
        {page === 'home' && <HomePage />}
        {page === 'approvals' && <ApprovalsPage />}
        {page === 'pipelines' && <PipelinesPage />}
        {route.page === 'pipeline' && (
          <PipelinePage
            key={route.resourceId}
            resourceId={route.resourceId}
            {...(route.executionId === undefined ? {} : { executionId: route.executionId })}
          />
        )}
        {page === 'builds' && <BuildsPage />}
        {route.page === 'build' && (
          <BuildPage
            key={route.resourceId}
            resourceId={route.resourceId}
            {...(route.line === undefined ? {} : { line: route.line })}
          />
        )}
        {page === 'repositories' && <RepositoriesPage />}
        {route.page === 'repository' && <RepositoryPage key={route.resourceId} resourceId={route.resourceId} />}
        {page === 'deployments' && <DeploymentsPage />}
        {route.page === 'codedeploy-deployment' && (
          <CodeDeployDeploymentPage key={route.deploymentId} deploymentId={route.deploymentId} />
        )}
        {route.page === 'deploy-target' && <DeployTargetPage key={route.resourceId} resourceId={route.resourceId} />}
        {page === 'accounts' && <AccountsPage />}
        {page === 'settings' && <SettingsPage />}
        {route.page === 'project' && <ProjectPage key={route.projectId} projectId={route.projectId} />}
        {route.page === 'github-run' && (
          <RunPage
            key={`${route.accountKey}/${route.repository}/${route.runId}`}
            target={{ accountKey: route.accountKey, repository: route.repository, runId: route.runId }}
          />
        )}
        {route.page === 'github-job-log' && (
          <JobLogPage
            key={`${route.accountKey}/${route.repository}/${route.jobId}/${route.line ?? ''}`}
            target={route}
          />
        )}
      </main>
      <PromptDialog />
      {overlay === 'palette' && (
        <CommandPalette mac={mac} onClose={() => setOverlay(undefined)} onCommand={runCommand} />
      )}
      {overlay === 'shortcuts' && <ShortcutsSheet mac={mac} onClose={() => setOverlay(undefined)} />}
      <StatusBar />
    </div>
  );
}
