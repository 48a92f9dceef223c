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

function pageFromHash(hash: string): PageId {
  const id = hash.replace(/^#\/?/, '');
  return pages.find((page) => page.id === id)?.id ?? 'home';
}

export function navigate(page: PageId): void {
  window.location.hash = `#/${page}`;
}

export function useCurrentPage(): PageId {
  const [page, setPage] = useState<PageId>(() => pageFromHash(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setPage(pageFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return page;
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
