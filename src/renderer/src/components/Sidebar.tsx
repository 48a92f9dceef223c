import { useQuery } from '@tanstack/react-query';
import { useClient } from '../api/client';
import { approvalsOptions, demoStatusOptions } from '../api/queries';
import { navigate, pages, type PageId } from '../routes';

const isMac = navigator.userAgent.includes('Mac');

export function Sidebar({ current }: { current: PageId }): React.JSX.Element {
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
      <ul>
        {pages.map((page) => (
          <li key={page.id}>
            <a
              href={`#/${page.id}`}
              aria-current={current === page.id ? 'page' : undefined}
              title={`${page.label} (${isMac ? '⌘' : 'Ctrl+'}${page.shortcut})`}
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
