// Pushed events and reads of the same query race: a read answered before an
// event but delivered after it must not undo the event.
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { applyHubEvent } from '../../src/renderer/src/api/hub-events';
import { activityOptions, projectsOptions } from '../../src/renderer/src/api/queries';
import type { StarboardClient } from '../../src/shared/client';
import type { ProjectsView } from '../../src/shared/projects';
import { ok, type Result } from '../../src/shared/result';

const view = (names: string[]): ProjectsView => ({
  projects: names.map((name) => ({ name }) as unknown as ProjectsView['projects'][number]),
  dismissed: [],
});

/** A client whose projects.list answers are released by the test, in the order it chooses. */
function slowClient() {
  const pending: { resolve: (result: Result<ProjectsView>) => void }[] = [];
  const client = {
    transport: 'http',
    query: () => new Promise<Result<ProjectsView>>((resolve) => pending.push({ resolve })),
    command: () => Promise.reject(new Error('no commands here')),
    subscribe: () => () => undefined,
    onConnection: () => () => undefined,
  } as unknown as StarboardClient;
  return { client, pending };
}

const names = (data: ProjectsView | undefined) => data?.projects.map((p) => p.name);

describe('applyHubEvent', () => {
  it('writes a pushed value straight in when no read is in flight', () => {
    const { client, pending } = slowClient();
    const queryClient = new QueryClient();
    applyHubEvent(queryClient, client, { name: 'projects.changed', payload: view(['a']) });
    expect(names(queryClient.getQueryData(projectsOptions(client).queryKey))).toEqual(['a']);
    expect(pending).toHaveLength(0);
  });

  it('drops the answer of a read that was in flight when the event came: it may be older than the event', async () => {
    const { client, pending } = slowClient();
    const queryClient = new QueryClient();
    // A page showing the projects: its observer starts the first read.
    const stop = new QueryObserver(queryClient, projectsOptions(client)).subscribe(() => undefined);
    await until(() => pending.length === 1);

    applyHubEvent(queryClient, client, { name: 'projects.changed', payload: view(['a', 'b', 'c']) });
    // The read answers with what the hub had before the event.
    pending[0]?.resolve(ok(view([])));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(names(queryClient.getQueryData(projectsOptions(client).queryKey))).toEqual(['a', 'b', 'c']);
    expect(queryClient.getQueryState(projectsOptions(client).queryKey)?.fetchStatus).toBe('idle');
    stop();
  });

  it('reads again when an event that only adds to the data cancels the first read', async () => {
    const { client, pending } = slowClient();
    const queryClient = new QueryClient();
    const stop = new QueryObserver(queryClient, activityOptions(client)).subscribe(() => undefined);
    await until(() => pending.length === 1);

    applyHubEvent(queryClient, client, { name: 'activity', payload: [] });
    await until(() => pending.length === 2);
    pending[1]?.resolve(ok([] as unknown as ProjectsView));
    await until(() => queryClient.getQueryData(activityOptions(client).queryKey) !== undefined);
    stop();
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}
