// The "Watch GitHub repositories" dialog: an account's own repositories, an
// owner's, or a search, each result either already in a project or ready to
// add to one (an existing project, or a new one named after the repository).
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { GitHubRepositoryChoice } from '../../../../shared/github-accounts';
import type { GitHubAccount } from '../../../../shared/model';
import type { ProjectView } from '../../../../shared/projects';
import { useClient } from '../../api/client';
import { ContractFailure } from '../../api/contract-error';
import { repositoryChoicesOptions, useWatchRepository } from '../../api/github-repositories';
import { relativeTime } from '../../time';
import { useNow } from '../dashboard/use-now';
import './repository-picker.css';

type Mode = 'mine' | 'owner' | 'search';
const modes: { mode: Mode; label: string }[] = [
  { mode: 'mine', label: 'Mine' },
  { mode: 'owner', label: 'Owner' },
  { mode: 'search', label: 'Search' },
];
const debounceMs = 300;
const loginPattern = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const newProject = 'new';

export interface RepositoryPickerProps {
  accounts: Pick<GitHubAccount, 'id' | 'label'>[];
  /** The projects a repository can join (confirmed and proposed). */
  projects: Pick<ProjectView, 'id' | 'name'>[];
  /** The project the dialog was opened from: every result's target at first. */
  project?: string;
  onClose: () => void;
}

/** Text typed, and the same text once the user paused (or pressed Enter). */
function useDebounced(initial = ''): {
  text: string;
  settled: string;
  type: (text: string) => void;
  now: () => void;
} {
  const [text, setText] = useState(initial);
  const [settled, setSettled] = useState(initial);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), debounceMs);
    return () => clearTimeout(timer);
  }, [text]);
  return { text, settled, type: setText, now: () => setSettled(text) };
}

/** What to ask the hub for, or why not yet. */
function findInput(accountKey: string, mode: Mode, owner: string, words: string, page: number) {
  const base = { accountKey, ...(page > 1 ? { page } : {}) };
  const query = words.trim();
  const login = owner.trim();
  if (mode === 'mine') return { input: base };
  if (mode === 'owner') {
    if (login === '') return { hint: 'Type a user or organisation login.' };
    if (!loginPattern.test(login) || login.length > 39) return { hint: 'A login is letters, digits and inner dashes.' };
    return { input: { ...base, owner: login, ...(query !== '' ? { query } : {}) } };
  }
  if (query === '') return { hint: 'Type words to look for in names and descriptions.' };
  return { input: { ...base, query } };
}

/** A failure in words the user can act on: how long to wait for a throttled search. */
export function errorText(error: Error, now: number): string {
  if (error instanceof ContractFailure && error.detail.code === 'throttled') {
    const retryAt = Date.parse(error.detail.retryAt ?? '');
    const seconds = Number.isFinite(retryAt) ? Math.max(1, Math.ceil((retryAt - now) / 1000)) : 60;
    return `GitHub allows 30 searches a minute; try again in ${seconds} s.`;
  }
  return error.message;
}

export function RepositoryPicker({ accounts, projects, project, onClose }: RepositoryPickerProps): React.JSX.Element {
  const client = useClient();
  const titleId = useId();
  const [accountKey, setAccountKey] = useState(accounts[0]?.id ?? '');
  const [mode, setMode] = useState<Mode>('mine');
  const [page, setPage] = useState(1);
  const owner = useDebounced();
  const words = useDebounced();
  const listRef = useRef<HTMLUListElement>(null);
  const [active, setActive] = useState(0);
  // Ticks each second: the wait before the next search counts down.
  const now = useNow(1000);

  const { input, hint } = findInput(accountKey, mode, owner.settled, words.settled, page);
  const found = useQuery({
    ...repositoryChoicesOptions(client, input ?? { accountKey }),
    enabled: input !== undefined,
  });
  const results = input ? (found.data?.repositories ?? []) : [];

  const restart = (change: () => void) => {
    change();
    setPage(1);
    setActive(0);
  };
  const focusRow = (index: number) => {
    const rows = listRef.current?.querySelectorAll<HTMLElement>('[data-row]');
    const row = rows?.[Math.max(0, Math.min(index, (rows.length || 1) - 1))];
    if (row) {
      setActive(Number(row.dataset['row']));
      row.focus();
    }
  };
  const fieldKeys = (event: React.KeyboardEvent<HTMLInputElement>, field: ReturnType<typeof useDebounced>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      restart(field.now);
    } else if (event.key === 'ArrowDown' && results.length > 0) {
      event.preventDefault();
      focusRow(0);
    }
  };
  const accountLabel = (id: string | undefined) => accounts.find((a) => a.id === id)?.label ?? id;

  return (
    <div
      className="dialog-backdrop repository-picker-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="dialog repository-picker"
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose();
        }}
      >
        <div className="repository-picker-head">
          <h2 id={titleId}>Watch GitHub repositories</h2>
          <button type="button" className="button button-small button-quiet" onClick={onClose}>
            Close
          </button>
        </div>

        <div className="repository-picker-controls">
          {accounts.length > 1 && (
            <label className="repository-picker-field">
              <span>Account</span>
              <select value={accountKey} onChange={(event) => restart(() => setAccountKey(event.target.value))}>
                {accounts.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          <div className="repository-picker-modes" role="radiogroup" aria-label="Which repositories">
            {modes.map((m) => (
              <button
                key={m.mode}
                type="button"
                role="radio"
                aria-checked={mode === m.mode}
                className={mode === m.mode ? 'selected' : undefined}
                onClick={() => restart(() => setMode(m.mode))}
              >
                {m.label}
              </button>
            ))}
          </div>
        </div>

        {mode !== 'mine' && (
          <div className="repository-picker-controls">
            {mode === 'owner' && (
              <label className="repository-picker-field">
                <span>Owner</span>
                <input
                  autoFocus
                  value={owner.text}
                  placeholder="user or organisation"
                  spellCheck={false}
                  onChange={(event) => restart(() => owner.type(event.target.value))}
                  onKeyDown={(event) => fieldKeys(event, owner)}
                />
              </label>
            )}
            <label className="repository-picker-field repository-picker-grow">
              <span>{mode === 'owner' ? 'Words (optional)' : 'Search'}</span>
              <input
                type="search"
                autoFocus={mode === 'search'}
                value={words.text}
                placeholder="name or description"
                spellCheck={false}
                onChange={(event) => restart(() => words.type(event.target.value))}
                onKeyDown={(event) => fieldKeys(event, words)}
              />
            </label>
          </div>
        )}

        <div className="repository-picker-status" aria-live="polite">
          {hint && <p className="muted">{hint}</p>}
          {input && found.isFetching && <p className="muted">Asking GitHub…</p>}
          {input && found.error && (
            <p className="problem" role="alert">
              {errorText(found.error, now)}
            </p>
          )}
          {input && found.data && results.length === 0 && <p className="muted">No repositories found.</p>}
          {found.data?.totalCount !== undefined && results.length > 0 && (
            <p className="muted">
              {found.data.totalCount} {found.data.totalCount === 1 ? 'repository' : 'repositories'} found
            </p>
          )}
        </div>

        {results.length > 0 && (
          <ul
            ref={listRef}
            className="repository-picker-results"
            aria-label="Repositories"
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                event.preventDefault();
                focusRow(active + (event.key === 'ArrowDown' ? 1 : -1));
              }
            }}
          >
            {results.map((repo, index) => (
              <RepositoryRow
                key={repo.fullName}
                repo={repo}
                index={index}
                active={index === active}
                accountKey={accountKey}
                projects={projects}
                {...(project !== undefined ? { project } : {})}
                watcher={accountLabel(repo.watchedBy)}
                now={now}
                onFocus={() => setActive(index)}
              />
            ))}
          </ul>
        )}

        {input && found.data && (page > 1 || found.data.hasMore) && (
          <div className="repository-picker-pages">
            <button
              type="button"
              className="button button-small"
              disabled={page <= 1}
              onClick={() => setPage((p) => p - 1)}
            >
              Previous page
            </button>
            <span className="muted">Page {page}</span>
            <button
              type="button"
              className="button button-small"
              disabled={!found.data.hasMore}
              onClick={() => setPage((p) => p + 1)}
            >
              Next page
            </button>
          </div>
        )}
      </div>
    </div>
  );
}

interface RowProps {
  repo: GitHubRepositoryChoice;
  index: number;
  active: boolean;
  accountKey: string;
  projects: Pick<ProjectView, 'id' | 'name'>[];
  project?: string;
  watcher: string | undefined;
  now: number;
  onFocus: () => void;
}

function RepositoryRow({ repo, index, active, accountKey, projects, project, watcher, now, onFocus }: RowProps) {
  const repoName = repo.fullName.split('/')[1] ?? repo.fullName;
  const preset = project !== undefined && projects.some((p) => p.id === project) ? project : newProject;
  const [target, setTarget] = useState(preset);
  const watch = useWatchRepository();
  const held = repo.projects;
  const add = () => {
    if (watch.isPending || held.length > 0) return;
    watch.mutate({
      accountKey,
      repository: repo.fullName,
      project: target === newProject ? { create: repoName } : { id: target },
    });
  };

  return (
    <li
      data-row={index}
      tabIndex={active ? 0 : -1}
      aria-label={repo.fullName}
      className="repository-picker-row"
      data-testid={`repository-choice-${repo.fullName}`}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocus();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && event.target === event.currentTarget) {
          event.preventDefault();
          add();
        }
      }}
    >
      <div className="repository-picker-about">
        <div className="repository-picker-name">
          <a href={repo.htmlUrl} target="_blank" rel="noreferrer" tabIndex={-1}>
            {repo.fullName}
          </a>
          {repo.private && <span className="repository-picker-badge">Private</span>}
          {repo.archived && <span className="repository-picker-badge">Archived</span>}
          {repo.fork && <span className="repository-picker-badge">Fork</span>}
        </div>
        {repo.description && <p className="repository-picker-description">{repo.description}</p>}
        {repo.pushedAt && <p className="muted repository-picker-pushed">Pushed {relativeTime(repo.pushedAt, now)}</p>}
      </div>
      <div className="repository-picker-action">
        {held.length > 0 ? (
          <p className="repository-picker-held">
            In {held.map((p) => p.name).join(', ')}
            {watcher !== undefined && <span className="muted"> · watched by {watcher}</span>}
          </p>
        ) : (
          <>
            <label className="repository-picker-target">
              <span>Add to</span>
              <select value={target} onChange={(event) => setTarget(event.target.value)}>
                {projects.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
                <option value={newProject}>New project “{repoName}”</option>
              </select>
            </label>
            <button
              type="button"
              className="button button-small button-primary"
              disabled={watch.isPending}
              onClick={add}
            >
              {watch.isPending ? 'Adding…' : 'Add'}
            </button>
          </>
        )}
        {watch.error && (
          <p className="problem" role="alert">
            {errorText(watch.error, now)}
          </p>
        )}
      </div>
    </li>
  );
}
