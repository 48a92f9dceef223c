// The bottom bar: connection to the hub, when data last arrived, whether
// Starboard is offline, slowed down or waiting for a sign-in, and the
// "Refresh now" button.
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { GitHubRateLimitStatus, RefreshStatus } from '../../../shared/refresh';
import { useClient } from '../api/client';
import { useConnectionState } from '../api/connection';
import { appInfoOptions, demoStatusOptions, refreshStatusOptions, workspaceOptions } from '../api/queries';
import { useRefreshNow } from '../api/refresh';
import { clockTime, relativeTime } from '../time';
import { Icon } from './dashboard/Icon';
import { useNow } from './dashboard/use-now';
import { isMacPlatform } from './palette/shortcuts';

const isMac = isMacPlatform(navigator);

/**
 * F5 and Ctrl/Cmd+R refresh in the desktop app. In browser mode those keys
 * stay the browser's reload (which reads everything again anyway): the
 * button is the way there.
 */
function useRefreshShortcut(enabled: boolean, refresh: () => void): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent): void => {
      const modifier = isMac ? event.metaKey : event.ctrlKey;
      const isRefresh =
        (event.key === 'F5' && !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey) ||
        (modifier && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'r');
      if (!isRefresh) return;
      event.preventDefault();
      refresh();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, refresh]);
}

export function StatusBar(): React.JSX.Element {
  const client = useClient();
  const connection = useConnectionState(client);
  const info = useQuery(appInfoOptions(client));
  const demo = useQuery(demoStatusOptions(client));
  const status = useQuery(refreshStatusOptions(client));
  const refresh = useRefreshNow();
  const desktop = client.transport === 'ipc';
  const { mutate } = refresh;
  useRefreshShortcut(desktop, mutate);
  const shortcut = desktop ? ' (F5)' : '';

  return (
    <footer className="status-bar">
      <span className="status-bar-group">
        <span className={`connection connection-${connection}`} data-testid="connection">
          {connection === 'connected' ? 'Connected' : 'Reconnecting…'}
        </span>
        {status.data && <RefreshState status={status.data} />}
      </span>
      <span className="status-bar-group">
        {demo.data?.active && <span className="demo-pill">Demo data</span>}
        {info.data && (
          <span>
            Starboard {info.data.version} · {info.data.mode === 'browser' ? 'browser mode' : 'desktop'}
          </span>
        )}
        {status.data && (
          <button
            type="button"
            className="button button-small status-bar-button"
            onClick={() => mutate()}
            disabled={refresh.isPending}
            title={`Read every account again now${shortcut}`}
          >
            <Icon name="refresh" />
            {refresh.isPending ? 'Refreshing…' : 'Refresh now'}
          </button>
        )}
      </span>
    </footer>
  );
}

/** What the refresh is doing, worst news first, always in words. */
function RefreshState({ status }: { status: RefreshStatus }): React.JSX.Element {
  const client = useClient();
  const workspace = useQuery(workspaceOptions(client));
  const now = useNow(10_000);
  const labels = new Map(workspace.data?.awsAccounts.map((a) => [a.id, a.label]));
  const githubLabels = new Map(workspace.data?.githubAccounts.map((a) => [a.id, a.label]));
  const throttledUntil = status.throttled.reduce<string | undefined>(
    (latest, lane) => (latest === undefined || lane.until > latest ? lane.until : latest),
    undefined,
  );
  return (
    <span className="refresh-state" data-testid="refresh-status">
      {status.needsSignIn.length > 0 && (
        <a className="refresh-flag refresh-sign-in" href="#/accounts">
          <Icon name="warning" />
          Sign-in needed: {status.needsSignIn.map((key) => labels.get(key) ?? key).join(', ')}
        </a>
      )}
      {!status.online && (
        <span className="refresh-flag refresh-offline" data-testid="offline">
          <Icon name="offline" />
          Offline
          {status.offlineSince && ` since ${clockTime(status.offlineSince, now)}`} · showing the last data
        </span>
      )}
      {status.online && throttledUntil !== undefined && (
        <span
          className="refresh-flag refresh-throttled"
          title={status.throttled.map((lane) => `${lane.service} in ${lane.region}`).join(', ')}
        >
          <Icon name="clock" />
          Slowed down by {status.throttled.every((lane) => lane.service.startsWith('github@'))
            ? 'GitHub'
            : 'AWS'} until {clockTime(throttledUntil, now)}
        </span>
      )}
      {status.github.map((limit) => (
        <GitHubLimit key={limit.accountKey} limit={limit} label={githubLabels.get(limit.accountKey)} />
      ))}
      {status.online && status.failing.length > 0 && (
        <span className="refresh-flag" title={status.failing.map((f) => f.message).join('\n')}>
          {status.failing.length} {status.failing.length === 1 ? 'read is' : 'reads are'} failing
        </span>
      )}
      {!status.online ? null : status.lastRefreshAt ? (
        <span>
          Updated{' '}
          <time dateTime={status.lastRefreshAt} title={new Date(status.lastRefreshAt).toLocaleString()}>
            {relativeTime(status.lastRefreshAt, now)}
          </time>
        </span>
      ) : (
        <span>Not refreshed yet</span>
      )}
      {status.running > 0 && (
        <span className="refresh-running" title={`${status.running} reads in flight`}>
          <span className="refresh-spinner" aria-hidden="true" />
          <span className="visually-hidden">Refreshing</span>
        </span>
      )}
    </span>
  );
}

/** One GitHub account's rate limit: quiet while plenty is left, a flag when Starboard holds back. */
function GitHubLimit({
  limit,
  label,
}: {
  limit: GitHubRateLimitStatus;
  label: string | undefined;
}): React.JSX.Element | null {
  if (limit.remaining === undefined || limit.limit === undefined) return null;
  const low = limit.slowDown > 1 || limit.blockedUntil !== undefined;
  const name = label ?? limit.accountKey;
  return (
    <span
      className={low ? 'refresh-flag refresh-throttled' : 'refresh-quiet'}
      data-testid="github-rate-limit"
      title={`${name}: ${limit.remaining} of ${limit.limit} GitHub requests left this hour${limit.resetAt ? `, renewed at ${new Date(limit.resetAt).toLocaleTimeString()}` : ''}`}
    >
      GitHub {limit.remaining.toLocaleString()}/{limit.limit.toLocaleString()}
      {low && ' · refreshing less often'}
    </span>
  );
}
