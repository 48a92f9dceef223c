import { useQuery } from '@tanstack/react-query';
import { useClient } from '../api/client';
import { approvalsOptions, demoStatusOptions } from '../api/queries';
import { navigate, pages, type PageId } from '../routes';
import { chordLabel } from './palette/shortcuts';

export function Sidebar({
  current,
  mac,
  onSearch,
}: {
  current: PageId;
  mac: boolean;
  /** Opens the command palette. */
  onSearch: () => void;
}): React.JSX.Element {
  const client = useClient();
  const approvals = useQuery(approvalsOptions(client));
  const waiting = approvals.data?.length ?? 0;
  const demo = useQuery(demoStatusOptions(client));

  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ✦
        </span>
        Starboard
        {demo.data?.active && <span className="demo-pill">Demo</span>}
      </div>
      <button
        type="button"
        className="sidebar-search"
        onClick={onSearch}
        aria-keyshortcuts={mac ? 'Meta+K' : 'Control+K'}
      >
        <span>Search…</span>
        <kbd>{chordLabel(['Mod', 'K'], mac)}</kbd>
      </button>
      <ul>
        {pages.map((page) => (
          <li key={page.id}>
            <a
              href={`#/${page.id}`}
              aria-current={current === page.id ? 'page' : undefined}
              title={`${page.label} (${chordLabel(['Mod', page.shortcut], mac)})`}
              onClick={(event) => {
                event.preventDefault();
                navigate(page.id);
              }}
            >
              <span>{page.label}</span>
              {page.id === 'approvals' && waiting > 0 && (
                <span className="badge" aria-label={`${waiting} waiting`}>
                  {waiting}
                </span>
              )}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
