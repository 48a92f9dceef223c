// The rows of #/builds: one line per build or run, a link each; Up and Down
// move between rows (scrolling a virtualized list to the row first), Enter
// opens the focused one. Over 200 rows only those in view are in the DOM.
import { useCallback, useRef } from 'react';
import { durationText, elapsed } from '../../time';
import { RunStatusBadge } from '../dashboard/RunStatus';
import { TimeAgo } from '../dashboard/TimeAgo';
import { VirtualRows } from '../VirtualRows';
import { type BuildRow, sourceLabels } from './build-rows';
import './builds.css';

export const buildRowHeight = 44;

function scroller(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return null;
}

export function BuildsList({ rows, now }: { rows: BuildRow[]; now: number }): React.JSX.Element {
  const box = useRef<HTMLDivElement>(null);

  const focusRow = useCallback((index: number) => {
    const element = box.current;
    if (!element) return;
    const present = element.querySelector<HTMLAnchorElement>(`a[data-row="${index}"]`);
    if (present) {
      present.focus();
      present.scrollIntoView({ block: 'nearest' });
      return;
    }
    // Not rendered (virtualized): bring its place into view, then focus it once drawn.
    const list = element.querySelector<HTMLElement>('.builds-rows');
    const parent = list ? scroller(list) : null;
    if (list && parent) {
      const top = list.getBoundingClientRect().top - parent.getBoundingClientRect().top + parent.scrollTop;
      parent.scrollTop = top + index * buildRowHeight - parent.clientHeight / 2;
    }
    requestAnimationFrame(() => {
      const drawn = element.querySelector<HTMLAnchorElement>(`a[data-row="${index}"]`);
      drawn?.focus();
      drawn?.scrollIntoView({ block: 'nearest' });
    });
  }, []);

  const onKeyDown = useCallback(
    (event: React.KeyboardEvent) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Home' && event.key !== 'End') return;
      const current = Number((document.activeElement as HTMLElement | null)?.dataset['row'] ?? -1);
      const last = rows.length - 1;
      const next =
        event.key === 'Home'
          ? 0
          : event.key === 'End'
            ? last
            : event.key === 'ArrowDown'
              ? Math.min(last, current + 1)
              : Math.max(0, current - 1);
      event.preventDefault();
      focusRow(next);
    },
    [rows.length, focusRow],
  );

  return (
    <div ref={box} className="builds-list" onKeyDown={onKeyDown}>
      <div className="builds-row builds-head small muted" aria-hidden="true">
        <span>Status</span>
        <span>Build</span>
        <span>Branch · commit</span>
        <span>Source</span>
        <span>Started</span>
        <span>Duration</span>
        <span>Started by</span>
      </div>
      <VirtualRows
        count={rows.length}
        rowHeight={buildRowHeight}
        className="builds-rows"
        label="Builds and workflow runs, newest first"
        renderRow={(index, style) => {
          const row = rows[index];
          if (!row) return null;
          const ran = elapsed(row.startedAt, row.running ? undefined : row.endedAt, now);
          return (
            <div role="listitem" key={row.key} style={style} className="builds-item">
              <a
                href={row.href}
                className={`builds-row builds-link${row.running ? ' builds-row-running' : ''}`}
                data-row={index}
                data-testid="build-row"
              >
                <span className="builds-status">
                  <RunStatusBadge status={row.status} label={row.statusLabel} />
                </span>
                <span className="builds-name" title={row.name}>
                  <span className="builds-name-text">{row.name}</span>
                  {row.number !== undefined && <span className="muted"> #{row.number}</span>}
                </span>
                <span className="builds-ref">
                  {row.branch !== undefined && <span className="branch">{row.branch}</span>}
                  {row.commit !== undefined && <code className="small">{row.commit}</code>}
                </span>
                <span className="builds-source small">{sourceLabels[row.source]}</span>
                <span className="small">{row.startedAt ? <TimeAgo iso={row.startedAt} now={now} /> : '—'}</span>
                <span className="small">
                  {ran === undefined ? '—' : durationText(ran)}
                  {row.running && ran !== undefined && <span className="visually-hidden"> so far</span>}
                </span>
                <span className="builds-initiator small muted" title={row.initiator}>
                  {row.initiator ?? '—'}
                </span>
              </a>
            </div>
          );
        }}
      />
    </div>
  );
}
