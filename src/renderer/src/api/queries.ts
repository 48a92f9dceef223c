// Query options for every contract query, and the hook that keeps the cache
// in step with pushed events. Components use these, never the client directly
// for reads.
import { queryOptions } from '@tanstack/react-query';
import type { StarboardClient } from '../../../shared/client';
import type { QueryInput, QueryName } from '../../../shared/contract';
import type { ProjectEvent } from '../../../shared/events';
import { unwrap } from './contract-error';

/** Options for a contract query without input, keyed by its name. */
function contractQuery<N extends QueryName>(client: StarboardClient, name: N, staleTime = Infinity) {
  return queryOptions({
    queryKey: [name] as const,
    queryFn: () => unwrap(client.query(name, {} as QueryInput<N>)),
    staleTime,
  });
}

export const appInfoOptions = (client: StarboardClient) => contractQuery(client, 'app.info');
export const settingsOptions = (client: StarboardClient) => contractQuery(client, 'settings.get');
export const workspaceOptions = (client: StarboardClient) => contractQuery(client, 'workspace.get');
export const approvalsOptions = (client: StarboardClient) => contractQuery(client, 'approvals.list');
export const demoStatusOptions = (client: StarboardClient) => contractQuery(client, 'demo.status');
/** Profiles come from files the user may edit while Starboard runs: re-read after 30 s. */
export const awsProfilesOptions = (client: StarboardClient) => contractQuery(client, 'aws.profiles', 30_000);
export const awsAccountsOptions = (client: StarboardClient) => contractQuery(client, 'aws.accounts');
export const promptsOptions = (client: StarboardClient) => contractQuery(client, 'prompts.pending');
/** Re-read after 30 s: whether gh is installed can change while Starboard runs. */
export const githubAccountsOptions = (client: StarboardClient) => contractQuery(client, 'github.accounts', 30_000);
export const projectsOptions = (client: StarboardClient) => contractQuery(client, 'projects.list');
/** Refetched whenever the hub says it changed (snapshot.changed carries no data). */
export const snapshotOptions = (client: StarboardClient) => contractQuery(client, 'snapshot.get');
export const activityOptions = (client: StarboardClient) => contractQuery(client, 'activity.recent');
export const refreshStatusOptions = (client: StarboardClient) => contractQuery(client, 'refresh.status');

/** As many events as activity.recent answers with. */
export const activityLimit = 200;

/** Newly delivered events (oldest first) on top of the feed (newest first), each once, capped. */
export function prependActivity(feed: ProjectEvent[], delivered: ProjectEvent[]): ProjectEvent[] {
  const known = new Set(feed.map((event) => event.id));
  const fresh = delivered.filter((event) => !known.has(event.id)).reverse();
  return [...fresh, ...feed].slice(0, activityLimit);
}

/** The latest SSO sign-in progress per account; filled by events only. */
export const signInKey = (accountKey: string) => ['aws.signIn', accountKey] as const;
