// A job's log as a developer reads it: coloured, numbered, folded by group,
// searchable, errors marked, a link to any line, and smooth on 100,000 lines
// (see LogRows). While the job runs the page re-reads the log and the view
// follows the end when the reader was there.
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { GitHubJobLog } from '../../../../shared/github-accounts';
import { stripAnsi } from './ansi';
import { firstError, initiallyOpenGroups, parseLog, visibleLines } from './log-lines';
import { findMatches, stepMatch, type LogMatch } from './log-search';
import { LogLineView } from './LogLineView';
import { LogRows, type LogRowsHandle } from './LogRows';
import { LogToolbar } from './LogToolbar';
import './log-viewer.css';

const mebibyte = 1024 * 1024;

export function LogViewer({
  log,
  label,
  live,
  onRefresh,
  refreshing,
  lineHref,
  initialLine,
}: {
  log: GitHubJobLog;
  /** What the log is of, for its accessible name. */
  label: string;
  /** The job still runs: offer to follow the end. */
  live: boolean;
  onRefresh: () => void;
  refreshing: boolean;
  /** The app's link to a line of this log. */
  lineHref: (line: number) => string;
  /** The line to open at and mark (`?line=N`). */
  initialLine?: number;
}): React.JSX.Element {
  const model = useMemo(() => parseLog(log.text), [log.text]);
  const texts = useMemo(
    () => model.lines.map((line) => ({ number: line.number, text: stripAnsi(line.body) })),
    [model],
  );

  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const search = useMemo(() => findMatches(texts, deferredQuery), [texts, deferredQuery]);
  // The selected match: a new query starts at its first one.
  const [cursor, setCursor] = useState({ query: '', index: -1 });
  const current = cursor.query === deferredQuery ? cursor.index : search.matches.length > 0 ? 0 : -1;
  const currentMatch = search.matches[current];
  const matchesByLine = useMemo(() => {
    const byLine = new Map<number, LogMatch[]>();
    for (const match of search.matches) byLine.set(match.line, [...(byLine.get(match.line) ?? []), match]);
    return byLine;
  }, [search]);

  const [showTimestamps, setShowTimestamps] = useState(false);
  const [wrap, setWrap] = useState(false);
  const [selected, setSelected] = useState<number | undefined>(initialLine);
  const [linkNote, setLinkNote] = useState<string>();

  // Groups: folded unless they hold an error (or still run); the reader's clicks win; the group of the
  // selected line or match is always open, so whatever the viewer points at can be seen.
  const [groupOverrides, setGroupOverrides] = useState<ReadonlyMap<number, boolean>>(new Map());
  const defaultOpen = useMemo(() => initiallyOpenGroups(model), [model]);
  const forcedOpen = useMemo(
    () =>
      new Set(
        [selected, currentMatch?.line].flatMap((number) => {
          const group = number === undefined ? undefined : model.lines[number - 1]?.group;
          return group === undefined ? [] : [group];
        }),
      ),
    [model, selected, currentMatch],
  );
  const isOpen = useCallback(
    (group: number) => forcedOpen.has(group) || (groupOverrides.get(group) ?? defaultOpen.has(group)),
    [forcedOpen, groupOverrides, defaultOpen],
  );
  const rows = useMemo(() => {
    const collapsed = new Set([...model.groups.keys()].filter((group) => !isOpen(group)));
    return visibleLines(model, collapsed);
  }, [model, isOpen]);
  const rowOf = useMemo(() => new Map(rows.map((line, index) => [line.number, index])), [rows]);

  const rowsHandle = useRef<LogRowsHandle>(null);
  const searchField = useRef<HTMLInputElement>(null);
  const [following, setFollowing] = useState(live && initialLine === undefined);

  // Scrolls once per request: a jump (first error, a linked line) or a newly selected match.
  const [jump, setJump] = useState<{ line: number } | undefined>(
    initialLine === undefined ? undefined : { line: initialLine },
  );
  const scrolledFor = useRef<unknown>(undefined);
  const matchKey = currentMatch === undefined ? undefined : `${deferredQuery}\u0000${current}`;
  useLayoutEffect(() => {
    const request = jump ?? matchKey;
    const line = jump !== undefined ? jump.line : currentMatch?.line;
    if (request === undefined || line === undefined || scrolledFor.current === request) return;
    const index = rowOf.get(line);
    if (index === undefined) return;
    scrolledFor.current = request;
    rowsHandle.current?.scrollToRow(index);
  }, [matchKey, jump, currentMatch, rowOf]);

  const step = useCallback(
    (direction: 1 | -1) => {
      setFollowing(false);
      setJump(undefined);
      setCursor({ query: deferredQuery, index: stepMatch(current, search.matches.length, direction) });
    },
    [current, deferredQuery, search],
  );
  const onQuery = useCallback((next: string) => {
    setQuery(next);
    setJump(undefined);
    if (next !== '') setFollowing(false);
  }, []);

  // Follow: a longer log stays scrolled to its end while the reader is there.
  useLayoutEffect(() => {
    if (following) rowsHandle.current?.scrollToBottom();
  }, [rows, following]);

  // Ctrl/Cmd+F searches the log (the page's own find cannot see rows that are not rendered); F3 steps.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        searchField.current?.focus();
        searchField.current?.select();
      } else if (event.key === 'F3') {
        event.preventDefault();
        step(event.shiftKey ? -1 : 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step]);

  const error = useMemo(() => firstError(model), [model]);
  const toggleGroup = useCallback(
    (group: number) => setGroupOverrides((map) => new Map(map).set(group, !isOpen(group))),
    [isOpen],
  );
  const copyLink = useCallback(
    (number: number) => {
      setSelected(number);
      // The app's own address of the line (the page's full URL can carry browser mode's token: not that).
      const href = lineHref(number);
      window.history.replaceState(null, '', href);
      navigator.clipboard.writeText(href).then(
        () => setLinkNote(`Copied the link to line ${number}`),
        () => setLinkNote(`The address bar links to line ${number}`),
      );
    },
    [lineHref],
  );
  const onAtBottom = useCallback((atBottom: boolean) => setFollowing(live && atBottom), [live]);
  const lengths = useCallback(
    (index: number) => texts[(rows[index]?.number ?? 0) - 1]?.text.length ?? 0,
    [rows, texts],
  );
  const gutter = String(model.lines.length).length;

  return (
    <div className="log-viewer">
      <LogToolbar
        searchRef={searchField}
        query={query}
        onQuery={onQuery}
        matchCount={search.matches.length}
        truncated={search.truncated}
        current={current}
        onStep={step}
        hasError={error !== undefined}
        onFirstError={() => {
          if (!error) return;
          setFollowing(false);
          setSelected(error.number);
          setJump({ line: error.number });
        }}
        showTimestamps={showTimestamps}
        onTimestamps={setShowTimestamps}
        wrap={wrap}
        onWrap={setWrap}
        onRefresh={onRefresh}
        refreshing={refreshing}
        live={live}
        following={following}
        onFollow={() => {
          setFollowing(true);
          rowsHandle.current?.scrollToBottom();
        }}
      />
      {log.truncatedBytes > 0 && (
        <p className="notice notice-info log-cut small" role="note">
          The first {(log.truncatedBytes / mebibyte).toFixed(1)} MB were cut; this is the end of the log.
        </p>
      )}
      {model.lines.length === 0 ? (
        <p className="log-empty muted">This log is empty{live ? ' so far' : ''}.</p>
      ) : (
        <LogRows
          count={rows.length}
          lengths={lengths}
          wrap={wrap}
          handle={rowsHandle}
          onAtBottom={onAtBottom}
          label={label}
          layoutKey={showTimestamps ? 'timestamps' : ''}
          renderRow={(index, top) => {
            const line = rows[index];
            if (!line) return null;
            const found = matchesByLine.get(line.number);
            const inLine = found && currentMatch?.line === line.number ? found.indexOf(currentMatch) : -1;
            return (
              <LogLineView
                key={line.number}
                line={line}
                index={index}
                top={top}
                wrap={wrap}
                showTimestamps={showTimestamps}
                ranges={found}
                current={inLine}
                selected={selected === line.number}
                groupOpen={line.kind === 'group' ? isOpen(line.number) : undefined}
                onToggleGroup={toggleGroup}
                onLineLink={copyLink}
                lineHref={lineHref(line.number)}
                gutter={gutter}
              />
            );
          }}
        />
      )}
      <p className="log-status small muted" role="status">
        {model.lines.length.toLocaleString()} lines
        {linkNote !== undefined && ` · ${linkNote}`}
      </p>
    </div>
  );
}
