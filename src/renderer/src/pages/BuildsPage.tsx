import { useMemo, useState } from 'react';
import { useDashboardData } from '../api/dashboard';
import { BuildsList } from '../components/builds/BuildsList';
import {
  buildRows,
  type BuildFilters,
  type BuildSourceKind,
  filterChoices,
  filterRows,
  noFilters,
  sourceLabels,
} from '../components/builds/build-rows';
import { FreshnessNote } from '../components/dashboard/FreshnessNote';
import { runStatusLook } from '../components/dashboard/RunStatus';
import { useNow } from '../components/dashboard/use-now';
import { QueryError } from '../components/QueryError';
import type { RunStatus } from '../../../shared/project-health';
import { combinedStaleness, resourceStaleness } from '../../../shared/staleness';
import '../components/builds/builds.css';

/** #/builds: CodeBuild builds and GitHub Actions runs in one list, newest first, with filters. */
export function BuildsPage(): React.JSX.Element {
  const { projects, snapshot, refresh } = useDashboardData();
  const now = useNow();
  const [filters, setFilters] = useState<BuildFilters>(noFilters);
  const rows = useMemo(
    () => (snapshot.data && projects.data ? buildRows(snapshot.data, projects.data.projects) : []),
    [snapshot.data, projects.data],
  );
  const choices = useMemo(() => filterChoices(rows), [rows]);
  const shown = useMemo(() => filterRows(rows, filters), [rows, filters]);
  const staleness = useMemo(() => {
    if (!snapshot.data) return undefined;
    const ids = new Set(rows.map((r) => r.resourceId));
    const parts = [...ids].flatMap((id) => {
      const resource = snapshot.data.resources[id];
      return resource ? [resourceStaleness(resource, snapshot.data, refresh.data, now)] : [];
    });
    return combinedStaleness(parts);
  }, [rows, snapshot.data, refresh.data, now]);
  const filtered = filters.project !== '' || filters.status !== '' || filters.branch !== '' || filters.source !== '';
  const set = (patch: Partial<BuildFilters>) => setFilters((current) => ({ ...current, ...patch }));
  const loading = (!projects.data || !snapshot.data) && !projects.error && !snapshot.error;

  return (
    <section aria-labelledby="builds-title" className="builds-page">
      <header className="page-header builds-header">
        <div>
          <h1 id="builds-title">Builds</h1>
          <p className="muted">CodeBuild builds and GitHub Actions runs, newest first.</p>
        </div>
        <FreshnessNote staleness={staleness} now={now} />
      </header>
      {projects.error && <QueryError error={projects.error} what="your projects" />}
      {snapshot.error && <QueryError error={snapshot.error} what="the latest status" />}
      {loading && <p className="muted">Loading…</p>}
      {!loading && rows.length > 0 && (
        <form className="builds-filters" aria-label="Filter builds" onSubmit={(event) => event.preventDefault()}>
          <label className="field">
            <span className="small muted">Project</span>
            <select value={filters.project} onChange={(event) => set({ project: event.target.value })}>
              <option value="">All projects</option>
              {(projects.data?.projects ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="small muted">Status</span>
            <select value={filters.status} onChange={(event) => set({ status: event.target.value as RunStatus | '' })}>
              <option value="">Any status</option>
              {choices.statuses.map((s) => (
                <option key={s} value={s}>
                  {runStatusLook[s].label}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="small muted">Branch</span>
            <select value={filters.branch} onChange={(event) => set({ branch: event.target.value })}>
              <option value="">Any branch</option>
              {choices.branches.map((b) => (
                <option key={b} value={b}>
                  {b}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="small muted">Source</span>
            <select
              value={filters.source}
              onChange={(event) => set({ source: event.target.value as BuildSourceKind | '' })}
            >
              <option value="">CodeBuild and GitHub Actions</option>
              <option value="codebuild">{sourceLabels.codebuild}</option>
              <option value="github">{sourceLabels.github}</option>
            </select>
          </label>
          {filtered && (
            <button type="button" className="button button-small button-quiet" onClick={() => setFilters(noFilters)}>
              Clear filters
            </button>
          )}
          <p className="small muted builds-count" role="status">
            {filtered ? `${shown.length} of ${rows.length}` : rows.length} {rows.length === 1 ? 'build' : 'builds'}
          </p>
        </form>
      )}
      {!loading && rows.length === 0 && !snapshot.error && (
        <div className="tile empty">
          <p>No builds yet.</p>
          <p className="muted small">
            Starboard lists the CodeBuild builds of your connected AWS accounts and the GitHub Actions runs of the
            repositories it watches. Connect an account in <a href="#/accounts">Accounts</a>.
          </p>
        </div>
      )}
      {rows.length > 0 && shown.length === 0 && (
        <div className="tile empty">
          <p>No builds match these filters.</p>
          <button type="button" className="button button-small" onClick={() => setFilters(noFilters)}>
            Clear filters
          </button>
        </div>
      )}
      {shown.length > 0 && <BuildsList rows={shown} now={now} />}
    </section>
  );
}
