// Pages live in the URL hash (#/settings), so browser mode can bookmark them
// and the desktop window can be sent to one.
import { useEffect, useState } from 'react';

export const pages = [
  { id: 'home', label: 'Home', shortcut: '1' },
  { id: 'approvals', label: 'Approvals', shortcut: '2' },
  { id: 'accounts', label: 'Accounts', shortcut: '3' },
  { id: 'settings', label: 'Settings', shortcut: ',' },
] as const;

export type PageId = (typeof pages)[number]['id'];

/** A page of the sidebar, or one project's page (#/projects/<id>), which sits under Home. */
export type Route = { page: PageId } | { page: 'project'; projectId: string };

export function routeFromHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const project = /^projects\/([^/]+)$/.exec(path)?.[1];
  if (project !== undefined) {
    try {
      return { page: 'project', projectId: decodeURIComponent(project) };
    } catch {
      return { page: 'home' };
    }
  }
  return { page: pages.find((page) => page.id === path)?.id ?? 'home' };
}

export function navigate(page: PageId): void {
  window.location.hash = `#/${page}`;
}

export function projectHref(projectId: string): string {
  return `#/projects/${encodeURIComponent(projectId)}`;
}

export function useCurrentRoute(): Route {
  const [route, setRoute] = useState<Route>(() => routeFromHash(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(routeFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** The sidebar's page: a project's page counts as Home. */
export function useCurrentPage(): PageId {
  const route = useCurrentRoute();
  return route.page === 'project' ? 'home' : route.page;
}

/** Ctrl/Cmd + the page's shortcut key switches pages. */
export function usePageShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const page = pages.find((candidate) => candidate.shortcut === event.key);
      if (!page) return;
      event.preventDefault();
      navigate(page.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
