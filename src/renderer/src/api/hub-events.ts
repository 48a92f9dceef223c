// What each pushed hub event does to the renderer's cache. An event that
// carries the new value is written straight in. A read of the same query that
// is still in flight may have been answered before the event: it is cancelled
// first, or its older answer would land on top of the event's.
import { type QueryClient, type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { StarboardClient } from '../../../shared/client';
import type { HubEvent } from '../../../shared/contract';
import { navigableHash } from '../route-paths';
import { approvalAuditKey } from './approvals';
import { applyBuildLogChanged } from './build-log';
import {
  activityOptions,
  approvalsOptions,
  awsAccountsOptions,
  demoStatusOptions,
  githubAccountsOptions,
  prependActivity,
  projectsOptions,
  promptsOptions,
  refreshStatusOptions,
  settingsOptions,
  signInKey,
  snapshotOptions,
  workspaceOptions,
} from './queries';

/** Cancels a read of the query in flight, then puts the pushed value; reads again if that leaves nothing. */
export function putPushed<T>(
  queryClient: QueryClient,
  queryKey: QueryKey,
  update: (current: T | undefined) => T | undefined,
): void {
  // Synchronous: the query is back to its state before the read, and the read's answer is dropped.
  void queryClient.cancelQueries({ queryKey, exact: true });
  queryClient.setQueryData<T>(queryKey, update);
  if (queryClient.getQueryData(queryKey) === undefined) void queryClient.invalidateQueries({ queryKey, exact: true });
}

export function applyHubEvent(queryClient: QueryClient, client: StarboardClient, event: HubEvent): void {
  const put = (queryKey: QueryKey, value: unknown) => putPushed(queryClient, queryKey, () => value);
  const refetch = (queryKey: QueryKey) => void queryClient.invalidateQueries({ queryKey });
  switch (event.name) {
    case 'settings.changed':
      put(settingsOptions(client).queryKey, event.payload);
      break;
    case 'workspace.changed':
      put(workspaceOptions(client).queryKey, event.payload);
      // Other accounts (or the demo's) mean other projects, resources and activity.
      for (const options of [projectsOptions, snapshotOptions, activityOptions, refreshStatusOptions])
        refetch(options(client).queryKey);
      break;
    case 'approvals.changed':
      put(approvalsOptions(client).queryKey, event.payload);
      refetch(approvalAuditKey);
      break;
    case 'demo.changed':
      put(demoStatusOptions(client).queryKey, event.payload);
      break;
    case 'aws.accounts.changed':
      put(awsAccountsOptions(client).queryKey, event.payload);
      break;
    case 'aws.signIn.changed':
      // Filled by events only: there is never a read to race with.
      queryClient.setQueryData(signInKey(event.payload.accountKey), event.payload);
      break;
    case 'prompts.changed':
      put(promptsOptions(client).queryKey, event.payload);
      break;
    case 'github.accounts.changed':
      put(githubAccountsOptions(client).queryKey, event.payload);
      break;
    case 'projects.changed':
      put(projectsOptions(client).queryKey, event.payload);
      break;
    case 'codebuild.log.changed':
      applyBuildLogChanged(queryClient, event.payload);
      break;
    case 'snapshot.changed':
      refetch(snapshotOptions(client).queryKey);
      break;
    case 'activity': {
      const delivered = event.payload;
      // Before the first read there is nothing to add to: the read will include these.
      putPushed(queryClient, activityOptions(client).queryKey, (feed: typeof delivered | undefined) =>
        feed ? prependActivity(feed, delivered) : feed,
      );
      break;
    }
    case 'refresh.status.changed':
      put(refreshStatusOptions(client).queryKey, event.payload);
      break;
    case 'app.navigate':
      // Not cache data: useHubEvents moves the window (this function stays DOM-free).
      break;
  }
}

/** Where the window is; typed here, not from the DOM, because Node tests compile this module too. */
interface WindowLocation {
  hash: string;
}

/** Main sends the window to a page (a tray entry, a deep link, a notification click). */
export function followNavigation(event: HubEvent, location: WindowLocation | undefined): void {
  if (event.name !== 'app.navigate' || location === undefined) return;
  const hash = navigableHash(event.payload.hash);
  if (hash !== undefined) location.hash = hash;
}

/**
 * Writes pushed events into the cache (applyHubEvent) and follows main's
 * app.navigate (followNavigation); refetches everything
 * once the event stream is open, and again after each reconnect: what changed
 * while it was not open came with no event.
 */
export function useHubEvents(client: StarboardClient): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const stopEvents = client.subscribe((event) => {
      applyHubEvent(queryClient, client, event);
      followNavigation(event, (globalThis as { location?: WindowLocation }).location);
    });
    const stopConnection = client.onConnection((state) => {
      if (state === 'connected') void queryClient.invalidateQueries();
    });
    return () => {
      stopEvents();
      stopConnection();
    };
  }, [client, queryClient]);
}
