import { useMemo, useRef, useState } from 'react';
import { useDashboardData } from '../api/dashboard';
import { FreshnessNote } from '../components/dashboard/FreshnessNote';
import { useNow } from '../components/dashboard/use-now';
import { WatchRepositoriesButton } from '../components/github/WatchRepositoriesButton';
import { QueryError } from '../components/QueryError';
import { RepositoryList, type RepositoryListHandle } from '../components/repositories/RepositoryList';
import {
  filterRepositoryRows,
  isRepository,
  providerLabels,
  repositoryRows,
  type ProviderFilter,
} from '../components/repositories/repository-list';
import { combinedStaleness, resourceStaleness, type Staleness } from '../../../shared/staleness';
import { repositoryHref } from '../routes';
import '../components/repositories/repositories.css';

const providerChoices: ProviderFilter[] = ['all', 'codecommit', 'github'];

/** #/repositories: every CodeCommit and GitHub repository, filtered by words and provider. */
export function RepositoriesPage(): React.JSX.Element {
  const { projects, snapshot, refresh } = useDashboardData();
  const now = useNow();
  const [text, setText] = useState('');
  const [provider, setProvider] = useState<ProviderFilter>('all');
  const filterBox = useRef<HTMLInputElement>(null);
  const list = useRef<RepositoryListHandle>(null);

  const rows = useMemo(
    () => (snapshot.data && projects.data ? repositoryRows(snapshot.data, projects.data.projects) : undefined),
    [snapshot.data, projects.data],
  );
  const shown = useMemo(() => (rows ? filterRepositoryRows(rows, text, provider) : []), [rows, text, provider]);
  const staleness = useMemo(() => {
    const map = new Map<string, Staleness>();
    if (!snapshot.data) return map;
    for (const resource of Object.values(snapshot.data.resources).filter(isRepository))
      map.set(resource.id, resourceStaleness(resource, snapshot.data, refresh.data, now));
    return map;
  }, [snapshot.data, refresh.data, now]);
  const counts = useMemo(
    () => ({
      all: rows?.length ?? 0,
      codecommit: rows?.filter((r) => r.provider === 'codecommit').length ?? 0,
      github: rows?.filter((r) => r.provider === 'github').length ?? 0,
    }),
    [rows],
  );

  const onFilterKey = (event: React.KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' && shown.length > 0) {
      event.preventDefault();
      list.current?.focusRow(0);
    } else if (event.key === 'Enter' && shown[0]) {
      event.preventDefault();
      window.location.hash = repositoryHref(shown[0].id);
    } else if (event.key === 'Escape' && text !== '') {
      event.preventDefault();
      setText('');
    }
  };

  return (
    <section aria-labelledby="repositories-title" className="repositories-page">
      <header className="page-header repo-page-header">
        <div>
          <h1 id="repositories-title">Repositories</h1>
          <p className="muted">
            CodeCommit and GitHub repositories together: the newest commit on the default branch and the open pull
            requests.
          </p>
        </div>
        <FreshnessNote staleness={combinedStaleness([...staleness.values()])} now={now} />
      </header>
      {projects.error && <QueryError error={projects.error} what="your projects" />}
      {snapshot.error && <QueryError error={snapshot.error} what="the latest status" />}
      {!rows && !projects.error && !snapshot.error && <p className="muted">Loading…</p>}
      {rows && rows.length === 0 && <EmptyState />}
      {rows && rows.length > 0 && (
        <>
          <div className="repo-filters" role="search" aria-label="Filter repositories">
            <input
              ref={filterBox}
              type="search"
              className="repo-filter-text"
              placeholder="Filter by name, project, branch, commit or author"
              aria-label="Filter repositories"
              aria-describedby="repo-filter-hint"
              value={text}
              onChange={(event) => setText(event.target.value)}
              onKeyDown={onFilterKey}
            />
            <div className="repo-provider-filter" role="radiogroup" aria-label="Provider">
              {providerChoices.map((choice) => (
                <label key={choice} className={provider === choice ? 'repo-provider-chosen' : undefined}>
                  <input
                    type="radio"
                    name="repo-provider"
                    value={choice}
                    checked={provider === choice}
                    onChange={() => setProvider(choice)}
                  />
                  {choice === 'all' ? 'All' : providerLabels[choice]} <span className="muted">{counts[choice]}</span>
                </label>
              ))}
            </div>
          </div>
          <p id="repo-filter-hint" className="muted small repo-count" aria-live="polite">
            {shown.length === rows.length
              ? `${rows.length} ${rows.length === 1 ? 'repository' : 'repositories'}`
              : `${shown.length} of ${rows.length} repositories`}
            {' · '}↓ to move through the list, Enter to open
          </p>
          {shown.length === 0 ? (
            <div className="empty">
              <h2>No repository matches</h2>
              <p className="muted">
                Nothing matches the filter{provider === 'all' ? '' : ` among ${providerLabels[provider]} repositories`}.
              </p>
              <button
                type="button"
                className="button button-small"
                onClick={() => {
                  setText('');
                  setProvider('all');
                  filterBox.current?.focus();
                }}
              >
                Clear the filter
              </button>
            </div>
          ) : (
            <RepositoryList
              ref={list}
              rows={shown}
              staleness={staleness}
              now={now}
              onLeaveTop={() => filterBox.current?.focus()}
            />
          )}
        </>
      )}
    </section>
  );
}

function EmptyState(): React.JSX.Element {
  return (
    <div className="empty">
      <h2>No repositories yet</h2>
      <p>
        This page lists the CodeCommit repositories of your AWS accounts&apos; pipelines and the GitHub repositories you
        watch, with their newest commits and open pull requests.
      </p>
      <p className="muted">
        Add an AWS account or a GitHub account on <a href="#/accounts">Accounts</a>; repositories appear after the next
        refresh.
      </p>
      <WatchRepositoriesButton className="repo-empty-actions" />
    </div>
  );
}
