// The Repositories list: one fixed-height row per repository (virtualized
// past 200), Up/Down/Home/End moving between the rows' names, Enter opening
// one, Up from the first row going back to the filter box.
import { forwardRef, useCallback, useImperativeHandle, useRef } from 'react';
import type { Staleness } from '../../../../shared/staleness';
import { projectHref, repositoryHref } from '../../route-paths';
import { Icon } from '../dashboard/Icon';
import { TimeAgo } from '../dashboard/TimeAgo';
import { VirtualRows } from '../VirtualRows';
import { ProviderMark } from './ProviderMark';
import { providerLabels, type RepositoryRow } from './repository-list';

export const repositoryRowHeight = 68;

export interface RepositoryListHandle {
  /** Moves the focus to a row's name (clamped), scrolling it into view first when it is not rendered. */
  focusRow: (index: number) => void;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return null;
}

export const RepositoryList = forwardRef<
  RepositoryListHandle,
  {
    rows: RepositoryRow[];
    staleness: Map<string, Staleness>;
    now: number;
    /** Up from the first row. */
    onLeaveTop: () => void;
  }
>(function RepositoryList({ rows, staleness, now, onLeaveTop }, ref) {
  const box = useRef<HTMLDivElement>(null);

  const focusRow = useCallback(
    (wanted: number) => {
      const element = box.current;
      if (!element || rows.length === 0) return;
      const index = Math.min(Math.max(wanted, 0), rows.length - 1);
      const find = (): HTMLElement | null => element.querySelector(`a[data-row-index="${index}"]`);
      const focus = (link: HTMLElement): void => {
        link.focus();
        link.scrollIntoView({ block: 'nearest' });
      };
      const link = find();
      if (link) return focus(link);
      // A virtualized row out of view: scroll to it, then focus it once VirtualRows has rendered it.
      const scroller = scrollParent(element);
      if (scroller) {
        const top = element.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
        scroller.scrollTop = top + index * repositoryRowHeight - scroller.clientHeight / 2;
      }
      let tries = 0;
      const retry = (): void => {
        const rendered = find();
        if (rendered) focus(rendered);
        else if (++tries < 20) requestAnimationFrame(retry);
      };
      requestAnimationFrame(retry);
    },
    [rows.length],
  );
  useImperativeHandle(ref, () => ({ focusRow }), [focusRow]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>): void => {
    const target = event.target as HTMLElement;
    const at = target.dataset['rowIndex'];
    if (at === undefined) return;
    const index = Number(at);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: rows.length - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    if (next < 0) onLeaveTop();
    else focusRow(next);
  };

  return (
    <div ref={box} onKeyDown={onKeyDown} className="repo-list-box">
      <VirtualRows
        count={rows.length}
        rowHeight={repositoryRowHeight}
        className="repo-list"
        label="Repositories"
        renderRow={(index, style) => {
          const row = rows[index];
          return row ? (
            <Row key={row.id} row={row} index={index} style={style} staleness={staleness.get(row.id)} now={now} />
          ) : null;
        }}
      />
    </div>
  );
});

function Row({
  row,
  index,
  style,
  staleness,
  now,
}: {
  row: RepositoryRow;
  index: number;
  style: React.CSSProperties;
  staleness: Staleness | undefined;
  now: number;
}): React.JSX.Element {
  const commit = row.latestCommit;
  return (
    <div role="listitem" className="repo-row" style={style} data-testid={`repository-row-${row.name}`}>
      <div className="repo-row-main">
        <a href={repositoryHref(row.id)} className="repo-row-name" data-row-index={index}>
          <ProviderMark provider={row.provider} />
          <span className="repo-row-title">{row.name}</span>
        </a>
        <span className="repo-row-meta small muted">
          <span className={`repo-provider repo-provider-${row.provider}`}>{providerLabels[row.provider]}</span>
          {' · '}
          {row.project ? <a href={projectHref(row.project.id)}>{row.project.name}</a> : <span>No project</span>}
        </span>
      </div>
      <div className="repo-row-commit">
        <span className="repo-row-line">
          {row.defaultBranch !== undefined ? (
            <span className="branch">{row.defaultBranch}</span>
          ) : (
            <span className="muted small">Default branch not read yet</span>
          )}
          {commit && (
            <>
              <code className="repo-sha">{commit.sha.slice(0, 7)}</code>
              <span className="repo-row-subject">{commit.subject}</span>
            </>
          )}
        </span>
        <span className="repo-row-meta small muted">
          {commit ? (
            <>
              {commit.author}
              {commit.date !== undefined && (
                <>
                  {', '}
                  <TimeAgo iso={commit.date} now={now} />
                </>
              )}
            </>
          ) : (
            'No commit read yet'
          )}
        </span>
      </div>
      <div className="repo-row-pulls">
        <span className="repo-row-line small">
          <Icon name="pull-request" />
          {row.openPulls === 0
            ? 'No open pull requests'
            : plural(row.openPulls, 'open pull request', 'open pull requests')}
        </span>
        <span className="repo-row-meta small">
          {row.failingChecks > 0 && (
            <span className="pr-checks-failure">
              <Icon name="x" />
              Checks failed on {row.failingChecks}
            </span>
          )}
          {row.needingReview > 0 && (
            <span className="pr-approval-pending">
              <Icon name="not-run" />
              {row.needingReview} {row.needingReview === 1 ? 'needs' : 'need'} review
            </span>
          )}
        </span>
      </div>
      <div className="repo-row-state small">
        {staleness?.stale && (
          <span className="stale-badge" title={staleness.message ?? 'Not refreshed recently'}>
            Stale
          </span>
        )}
        {row.accessGaps > 0 && (
          <span className="repo-limited" title="The GitHub token cannot read everything here: see the repository">
            <Icon name="warning" />
            Limited access
          </span>
        )}
      </div>
    </div>
  );
}
