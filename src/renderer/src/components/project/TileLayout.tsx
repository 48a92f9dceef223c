import { useEffect, useRef, useState } from 'react';
import type { DashboardLayout, DashboardTile } from '../../../../shared/model';
import {
  hiddenTiles,
  hideTile,
  isDefaultLayout,
  moveTile,
  showTile,
  shownTiles,
  tileBands,
  tileTitles,
} from './tile-layout';
import './project-dashboard.css';

/** The tiles the project has something for, by id; a tile left out is simply absent. */
export type TileContents = Partial<Record<DashboardTile, React.ReactNode>>;

/**
 * The project's tiles in the user's order, wide tiles across and the others
 * in two columns. In edit mode each tile has Move up, Move down and Hide, and
 * a panel above lists the hidden tiles and offers Reset layout.
 */
export function TileLayout({
  tiles,
  layout,
  editing,
  onLayout,
  onDone,
  error,
}: {
  tiles: TileContents;
  layout: DashboardLayout | undefined;
  editing: boolean;
  onLayout: (layout: DashboardLayout | undefined) => void;
  onDone: () => void;
  error: Error | null;
}): React.JSX.Element {
  const available = (Object.keys(tiles) as DashboardTile[]).filter((t) => tiles[t] !== undefined && tiles[t] !== null);
  const shown = shownTiles(layout, available);
  const container = useRef<HTMLDivElement>(null);
  const [announcement, setAnnouncement] = useState('');
  // After a move, the button pressed keeps focus (or its opposite, when the tile reached an end).
  const focusAfter = useRef<{ tile: DashboardTile; direction: -1 | 1; from: DashboardLayout | undefined }>(undefined);

  useEffect(() => {
    // Once the saved layout shows (the settings update lands a moment after the click).
    const wanted = focusAfter.current;
    if (!wanted || wanted.from === layout) return;
    focusAfter.current = undefined;
    const find = (direction: -1 | 1): HTMLButtonElement | null | undefined =>
      container.current?.querySelector<HTMLButtonElement>(
        `[data-tile-move="${wanted.tile}:${direction}"]:not(:disabled)`,
      );
    (find(wanted.direction) ?? find(wanted.direction === 1 ? -1 : 1))?.focus();
  }, [layout]);

  const move = (tile: DashboardTile, direction: -1 | 1): void => {
    const next = moveTile(layout, tile, direction, available);
    onLayout(next);
    const position = shownTiles(next, available).indexOf(tile) + 1;
    setAnnouncement(`${tileTitles[tile]} moved to position ${position} of ${shown.length}.`);
    focusAfter.current = { tile, direction, from: layout };
  };
  const hide = (tile: DashboardTile): void => {
    onLayout(hideTile(layout, tile));
    setAnnouncement(`${tileTitles[tile]} hidden. Show it again from Hidden tiles.`);
    container.current?.querySelector<HTMLElement>('[data-customize-panel]')?.focus();
  };

  const slot = (tile: DashboardTile): React.JSX.Element => {
    const index = shown.indexOf(tile);
    const title = tileTitles[tile];
    return (
      <div key={tile} className="tile-slot" data-tile={tile}>
        {editing && (
          <div className="tile-edit-bar" role="group" aria-label={`${title} tile`}>
            <span className="tile-edit-bar-title" aria-hidden="true">
              {title}
            </span>
            <button
              type="button"
              className="button button-small"
              data-tile-move={`${tile}:-1`}
              disabled={index === 0}
              aria-label={`Move ${title} up`}
              onClick={() => move(tile, -1)}
            >
              Move up
            </button>
            <button
              type="button"
              className="button button-small"
              data-tile-move={`${tile}:1`}
              disabled={index === shown.length - 1}
              aria-label={`Move ${title} down`}
              onClick={() => move(tile, 1)}
            >
              Move down
            </button>
            <button
              type="button"
              className="button button-small button-quiet"
              aria-label={`Hide ${title}`}
              onClick={() => hide(tile)}
            >
              Hide
            </button>
          </div>
        )}
        {tiles[tile]}
      </div>
    );
  };

  const hidden = hiddenTiles(layout);
  return (
    <div ref={container} className={editing ? 'tile-editing' : undefined}>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {editing && (
        <section
          className="dashboard-customize"
          aria-labelledby="customize-title"
          data-customize-panel
          tabIndex={-1}
          data-testid="customize-panel"
        >
          <h2 id="customize-title">Customize this dashboard</h2>
          <p className="muted small">
            Move tiles up or down, or hide those you do not need. Starboard keeps this layout for this project.
          </p>
          <div>
            <h3 className="section-title" id="hidden-tiles-title">
              Hidden tiles
            </h3>
            {hidden.length === 0 ? (
              <p className="muted small">None: every tile with something to show is on the page.</p>
            ) : (
              <ul className="hidden-tiles" aria-labelledby="hidden-tiles-title">
                {hidden.map((tile) => (
                  <li key={tile}>
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`Show ${tileTitles[tile]}`}
                      onClick={() => {
                        onLayout(showTile(layout, tile));
                        setAnnouncement(`${tileTitles[tile]} shown again.`);
                      }}
                    >
                      Show {tileTitles[tile]}
                      {!available.includes(tile) && ' (nothing to show for this project)'}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
          {error && (
            <div className="notice notice-error" role="alert">
              Could not save the layout: {error.message}
            </div>
          )}
          <div className="actions">
            <button
              type="button"
              className="button button-small"
              disabled={isDefaultLayout(layout)}
              onClick={() => {
                onLayout(undefined);
                setAnnouncement('Layout reset: every tile in its default place.');
              }}
            >
              Reset layout
            </button>
            <button type="button" className="button button-small button-primary" onClick={onDone}>
              Done
            </button>
          </div>
        </section>
      )}
      {shown.length === 0 && <p className="muted">Every tile is hidden. Choose Customize to show some again.</p>}
      <div className="tile-bands">
        {tileBands(shown).map((band) =>
          band.kind === 'wide' ? (
            slot(band.tile)
          ) : (
            <div key={`columns-${band.left[0] ?? ''}`} className="tile-band-columns">
              <div className="tile-column">{band.left.map(slot)}</div>
              {band.right.length > 0 && <div className="tile-column">{band.right.map(slot)}</div>}
            </div>
          ),
        )}
      </div>
    </div>
  );
}
