// The command palette: one field that finds any project, pipeline, build,
// repository, deploy target, page or command. A WAI-ARIA combobox: focus
// stays in the field, the active result is named by aria-activedescendant,
// and the keys move through the results as in VS Code's quick open.
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import { useClient } from '../../api/client';
import { useDashboardData } from '../../api/dashboard';
import { demoStatusOptions, workspaceOptions } from '../../api/queries';
import { KindIcon } from './KindIcon';
import { Overlay } from './Overlay';
import { kindLabels, paletteItems, type PaletteCommand, type PaletteItem } from './palette-items';
import { highlightSegments, rankItems } from './palette-rank';
import { chordLabel } from './shortcuts';

/** How far Page Up and Page Down move: about one screenful of results. */
const pageStep = 8;

function usePaletteItems(): PaletteItem[] {
  const client = useClient();
  const { projects, snapshot, index } = useDashboardData();
  const workspace = useQuery(workspaceOptions(client));
  const demo = useQuery(demoStatusOptions(client));
  return useMemo(
    () =>
      paletteItems({
        projects: projects.data?.projects ?? [],
        snapshot: snapshot.data,
        index,
        accountLabels: new Map(
          [...(workspace.data?.awsAccounts ?? []), ...(workspace.data?.githubAccounts ?? [])].map((a) => [
            a.id,
            a.label,
          ]),
        ),
        demo: demo.data,
      }),
    [projects.data, snapshot.data, index, workspace.data, demo.data],
  );
}

function Highlighted({ text, positions }: { text: string; positions: readonly number[] }): React.JSX.Element {
  return (
    <>
      {highlightSegments(text, positions).map((segment, i) =>
        segment.match ? (
          <mark key={i} className="palette-match">
            {segment.text}
          </mark>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}

/** The next active index for a navigation key, or undefined when the key is not one. */
function moved(key: string, active: number, count: number): number | undefined {
  const last = count - 1;
  switch (key) {
    case 'ArrowDown':
      return active >= last ? 0 : active + 1;
    case 'ArrowUp':
      return active <= 0 ? last : active - 1;
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return Math.min(last, active + pageStep);
    case 'PageUp':
      return Math.max(0, active - pageStep);
    default:
      return undefined;
  }
}

export function CommandPalette({
  mac,
  onClose,
  onCommand,
}: {
  mac: boolean;
  onClose: () => void;
  onCommand: (command: PaletteCommand) => void;
}): React.JSX.Element {
  const items = usePaletteItems();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  // Typing stays instant on a large workspace: the ranking catches up a frame later.
  const deferredQuery = useDeferredValue(query);
  const results = useMemo(() => rankItems(items, deferredQuery), [items, deferredQuery]);
  const ids = useId();
  const optionId = (index: number): string => `${ids}-option-${index}`;
  const current = Math.min(active, results.length - 1);

  useEffect(() => {
    if (current >= 0) document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
    // optionId only depends on ids, which never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current]);

  const choose = (item: PaletteItem | undefined): void => {
    if (!item) return;
    onClose();
    if ('href' in item) window.location.hash = item.href;
    else onCommand(item.command);
  };

  const onFieldKey = (event: React.KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      // Enter right after typing: rank what was typed, not the list still on screen.
      choose(query === deferredQuery ? results[current]?.item : rankItems(items, query)[0]?.item);
      return;
    }
    // Home and End stay the field's own while there is text to move through.
    if ((event.key === 'Home' || event.key === 'End') && query !== '') return;
    const next = moved(event.key, current, results.length);
    if (next === undefined || results.length === 0) return;
    event.preventDefault();
    setActive(next);
  };

  return (
    <Overlay name="palette" aria-label="Command palette" className="palette" initial="input" onClose={onClose}>
      <input
        className="palette-input"
        role="combobox"
        aria-expanded="true"
        aria-controls={`${ids}-list`}
        aria-autocomplete="list"
        aria-activedescendant={current >= 0 ? optionId(current) : undefined}
        aria-label="Search projects, pipelines, builds, repositories and commands"
        placeholder="Search projects, pipelines, builds, repositories, commands…"
        spellCheck={false}
        autoComplete="off"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onFieldKey}
      />
      <ul
        id={`${ids}-list`}
        role="listbox"
        aria-label="Results"
        className="palette-list"
        // Clicking a result must not take focus out of the field.
        onMouseDown={(event) => event.preventDefault()}
      >
        {results.map(({ item, titleMatches, subtitleMatches }, index) => (
          <li
            key={item.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === current}
            className="palette-option"
            onMouseMove={() => index !== current && setActive(index)}
            onClick={() => choose(item)}
          >
            <KindIcon kind={item.kind} />
            <span className="palette-text">
              <span className="palette-title">
                <Highlighted text={item.title} positions={titleMatches} />
              </span>
              <span className="palette-subtitle">
                <Highlighted text={item.subtitle} positions={subtitleMatches} />
              </span>
            </span>
            {item.keys && <kbd className="palette-keys">{chordLabel(item.keys, mac)}</kbd>}
            <span className="palette-kind">{kindLabels[item.kind]}</span>
          </li>
        ))}
      </ul>
      {results.length === 0 && <p className="palette-empty">No matches for “{deferredQuery.trim()}”</p>}
      <p role="status" className="visually-hidden">
        {results.length === 0 ? 'No matches' : `${results.length} results`}
      </p>
    </Overlay>
  );
}
