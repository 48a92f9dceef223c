// The log viewer's controls: search with its count and stepping, jump to the
// first error, timestamps and wrapping, refresh and follow.
import { Icon } from '../dashboard/Icon';

export function LogToolbar({
  searchRef,
  query,
  onQuery,
  matchCount,
  truncated,
  current,
  onStep,
  hasError,
  onFirstError,
  showTimestamps,
  onTimestamps,
  wrap,
  onWrap,
  onRefresh,
  refreshing,
  live,
  following,
  onFollow,
}: {
  searchRef: React.Ref<HTMLInputElement>;
  query: string;
  onQuery: (query: string) => void;
  matchCount: number;
  truncated: boolean;
  current: number;
  onStep: (direction: 1 | -1) => void;
  hasError: boolean;
  onFirstError: () => void;
  showTimestamps: boolean;
  onTimestamps: (show: boolean) => void;
  wrap: boolean;
  onWrap: (wrap: boolean) => void;
  onRefresh: () => void;
  refreshing: boolean;
  live: boolean;
  following: boolean;
  onFollow: () => void;
}): React.JSX.Element {
  const count =
    query === '' ? '' : matchCount === 0 ? 'No matches' : `${current + 1} of ${matchCount}${truncated ? '+' : ''}`;
  return (
    <div className="log-toolbar" role="toolbar" aria-label="Log tools">
      <div className="log-search">
        <input
          ref={searchRef}
          type="search"
          className="log-search-input"
          placeholder="Search the log"
          aria-label="Search the log"
          value={query}
          onChange={(event) => onQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              onStep(event.shiftKey ? -1 : 1);
            } else if (event.key === 'Escape' && query !== '') {
              event.preventDefault();
              onQuery('');
            }
          }}
        />
        <span className="log-match-count small muted" aria-live="polite" data-testid="log-match-count">
          {count}
        </span>
        <button
          type="button"
          className="button button-small button-quiet"
          onClick={() => onStep(-1)}
          disabled={matchCount === 0}
          aria-label="Previous match"
          title="Previous match (Shift+Enter)"
        >
          ↑
        </button>
        <button
          type="button"
          className="button button-small button-quiet"
          onClick={() => onStep(1)}
          disabled={matchCount === 0}
          aria-label="Next match"
          title="Next match (Enter, F3)"
        >
          ↓
        </button>
      </div>
      <button type="button" className="button button-small log-jump-error" onClick={onFirstError} disabled={!hasError}>
        Jump to first error
      </button>
      <label className="log-check small">
        <input type="checkbox" checked={showTimestamps} onChange={(event) => onTimestamps(event.target.checked)} />
        Timestamps
      </label>
      <label className="log-check small">
        <input type="checkbox" checked={wrap} onChange={(event) => onWrap(event.target.checked)} />
        Wrap lines
      </label>
      <span className="log-toolbar-end">
        {live && (
          <button
            type="button"
            className={`button button-small${following ? ' log-following' : ''}`}
            onClick={onFollow}
            aria-pressed={following}
            title="Keep the newest lines in view"
          >
            {following ? 'Following' : 'Follow'}
          </button>
        )}
        <button type="button" className="button button-small" onClick={onRefresh} disabled={refreshing}>
          <Icon name="refresh" className={refreshing ? 'refresh-spinner' : undefined} />
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
      </span>
    </div>
  );
}
