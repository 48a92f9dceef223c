// Pages live in the URL hash (#/settings), so browser mode can bookmark them
// and the desktop window can be sent to one.
import { useEffect, useState } from 'react';
import { type PageId, pages, type Route, routeFromHash, sidebarPage } from './route-paths';

export * from './route-paths';

export function navigate(page: PageId): void {
  window.location.hash = `#/${page}`;
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
  return sidebarPage(useCurrentRoute());
}

/** Ctrl/Cmd + the page's shortcut key switches pages (not in the review window: it shows one approval). */
export function usePageShortcuts(enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const page = pages.find((candidate) => candidate.shortcut === event.key);
      if (!page) return;
      event.preventDefault();
      navigate(page.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
