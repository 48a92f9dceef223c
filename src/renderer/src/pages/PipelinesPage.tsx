// #/pipelines: every pipeline Starboard reads, across projects, failing first.
// Filter by name and status; Up/Down move through the rows, Enter opens one.
import { useCallback, useMemo, useRef, useState } from 'react';
import { useDashboardData } from '../api/dashboard';
import { DemoOffer } from '../components/DemoOffer';
import { useNow } from '../components/dashboard/use-now';
import { PipelineListRow, pipelineRowHeight } from '../components/pipelines/PipelineListRow';
import {
  pipelineRows,
  shownRows,
  statusCounts,
  statusFilters,
  stepIndex,
  type StatusFilter,
} from '../components/pipelines/pipeline-rows';
import { QueryError } from '../components/QueryError';
import { VirtualRows } from '../components/VirtualRows';
import { resourceStaleness } from '../../../shared/staleness';
import '../components/pipelines/pipelines.css';

const filterLabels: Record<StatusFilter, string> = {
  all: 'All',
  failed: 'Failed',
  running: 'Running',
  succeeded: 'Succeeded',
};

export function PipelinesPage(): React.JSX.Element {
  const { projects, snapshot, refresh } = useDashboardData();
  const now = useNow();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [active, setActive] = useState(-1);
  const list = useRef<HTMLDivElement>(null);

  const rows = useMemo(
    () => (snapshot.data ? pipelineRows(snapshot.data, projects.data?.projects ?? []) : []),
    [snapshot.data, projects.data],
  );
  const shown = useMemo(() => shownRows(rows, text, status), [rows, text, status]);
  const counts = useMemo(() => statusCounts(rows), [rows]);

  // Moving past the rows in the DOM (a long, virtualized list): scroll there, then focus once it renders.
  const focusRow = useCallback((index: number) => {
    const root = list.current;
    if (!root || index < 0) return;
    const row = root.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (row) {
      row.focus();
      row.scrollIntoView({ block: 'nearest' });
      return;
    }
    const scroller = root.closest<HTMLElement>('.content');
    const top = root.getBoundingClientRect().top + index * pipelineRowHeight;
    if (scroller) scroller.scrollTop += top - scroller.getBoundingClientRect().top - 80;
    requestAnimationFrame(() => root.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus());
  }, []);

  const onKeyDown = (event: React.KeyboardEvent): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const next = stepIndex(active, event.key === 'ArrowDown' ? 1 : -1, shown.length);
    setActive(next);
    focusRow(next);
  };

  const loading = (!projects.data || !snapshot.data) && !projects.error && !snapshot.error;
  return (
    <section aria-labelledby="pipelines-title" className="pipelines-page">
      <header className="page-header">
        <h1 id="pipelines-title">Pipelines</h1>
        <p className="muted">Every pipeline Starboard reads, failing first, then the most recently changed.</p>
      </header>
      {projects.error && <QueryError error={projects.error} what="your projects" />}
      {snapshot.error && <QueryError error={snapshot.error} what="the latest status" />}
      {loading && <p className="muted">Loading…</p>}
      {snapshot.data && rows.length === 0 && (
        <div className="tile pipelines-empty" data-testid="pipelines-empty">
          <h2>No pipelines yet</h2>
          <p className="muted">
            Starboard shows the CodePipeline pipelines of the AWS accounts you add.{' '}
            <a href="#/accounts">Add an AWS account</a> and its pipelines appear here within a minute.
          </p>
          <DemoOffer />
        </div>
      )}
      {rows.length > 0 && (
        <>
          <div className="pipelines-toolbar" role="search" aria-label="Filter pipelines">
            <input
              type="search"
              className="pipelines-filter"
              placeholder="Filter by name or project"
              aria-label="Filter pipelines by name or project"
              value={text}
              onChange={(event) => {
                setText(event.target.value);
                setActive(-1);
              }}
              onKeyDown={(event) => {
                if (event.key === 'ArrowDown' && shown.length > 0) {
                  event.preventDefault();
                  setActive(0);
                  focusRow(0);
                }
              }}
            />
            <div className="pipelines-status-filter" role="group" aria-label="Status">
              {statusFilters.map((filter) => (
                <button
                  key={filter}
                  type="button"
                  className="button button-small"
                  aria-pressed={status === filter}
                  onClick={() => {
                    setStatus(filter);
                    setActive(-1);
                  }}
                >
                  {filterLabels[filter]} <span className="muted">{counts[filter]}</span>
                </button>
              ))}
            </div>
          </div>
          <p className="muted small" role="status">
            {shown.length === rows.length
              ? `${rows.length} ${rows.length === 1 ? 'pipeline' : 'pipelines'}`
              : `${shown.length} of ${rows.length} pipelines`}
          </p>
          {shown.length === 0 ? (
            <p className="muted">No pipeline matches this filter.</p>
          ) : (
            <div ref={list} onKeyDown={onKeyDown}>
              <VirtualRows
                className="pipelines-list"
                label="Pipelines"
                count={shown.length}
                rowHeight={pipelineRowHeight}
                renderRow={(index, style) => {
                  const row = shown[index];
                  if (!row || !snapshot.data) return null;
                  return (
                    <PipelineListRow
                      key={row.id}
                      row={row}
                      index={index}
                      style={style}
                      now={now}
                      staleness={resourceStaleness(row.health.resource, snapshot.data, refresh.data, now)}
                      onFocusRow={setActive}
                    />
                  );
                }}
              />
            </div>
          )}
        </>
      )}
    </section>
  );
}
