// A project dashboard's tile layout as the user arranged it: the order of the
// tiles and which are hidden. Pure, so moving, hiding and resetting are tested
// in Node; the page stores the result in settings.dashboards[projectId].
import { dashboardTiles, type DashboardTile } from '../../../../shared/settings-values';
import type { DashboardLayout } from '../../../../shared/model';

export const tileTitles: Record<DashboardTile, string> = {
  pipelines: 'Pipelines',
  builds: 'Builds',
  actions: 'Actions',
  deployments: 'Deployments',
  repository: 'Repository',
  environments: 'Environments',
  approvals: 'Approvals',
  activity: 'Activity',
};

/**
 * Every tile in the user's order: the tiles the layout names first (once
 * each), and a tile it does not name (one added in a later version) right
 * after the tile that comes before it by default.
 */
export function tileOrder(layout: DashboardLayout | undefined): DashboardTile[] {
  const order: DashboardTile[] = [];
  for (const tile of layout?.order ?? []) if (dashboardTiles.includes(tile) && !order.includes(tile)) order.push(tile);
  dashboardTiles.forEach((tile, i) => {
    if (order.includes(tile)) return;
    const before = i === 0 ? -1 : order.indexOf(dashboardTiles[i - 1] as DashboardTile);
    order.splice(before + 1, 0, tile);
  });
  return order;
}

/** The tiles to show, in order: those the project has something for (`available`), less the hidden ones. */
export function shownTiles(layout: DashboardLayout | undefined, available: readonly DashboardTile[]): DashboardTile[] {
  const hidden = new Set(layout?.hidden ?? []);
  return tileOrder(layout).filter((tile) => available.includes(tile) && !hidden.has(tile));
}

/** The hidden tiles, in the user's order. */
export function hiddenTiles(layout: DashboardLayout | undefined): DashboardTile[] {
  const hidden = new Set(layout?.hidden ?? []);
  return tileOrder(layout).filter((tile) => hidden.has(tile));
}

/**
 * Moves a shown tile one place up (-1) or down (+1) among the shown tiles:
 * it swaps places with its shown neighbour, whatever hidden or absent tiles
 * lie between. At either end the layout comes back unchanged.
 */
export function moveTile(
  layout: DashboardLayout | undefined,
  tile: DashboardTile,
  direction: -1 | 1,
  available: readonly DashboardTile[],
): DashboardLayout {
  const order = tileOrder(layout);
  const shown = shownTiles(layout, available);
  const at = shown.indexOf(tile);
  const neighbour = shown[at + direction];
  const hidden = [...(layout?.hidden ?? [])];
  if (at < 0 || neighbour === undefined) return { order, hidden };
  const a = order.indexOf(tile);
  const b = order.indexOf(neighbour);
  order[a] = neighbour;
  order[b] = tile;
  return { order, hidden };
}

export function hideTile(layout: DashboardLayout | undefined, tile: DashboardTile): DashboardLayout {
  const hidden = layout?.hidden ?? [];
  return { order: tileOrder(layout), hidden: hidden.includes(tile) ? [...hidden] : [...hidden, tile] };
}

export function showTile(layout: DashboardLayout | undefined, tile: DashboardTile): DashboardLayout {
  return { order: tileOrder(layout), hidden: (layout?.hidden ?? []).filter((t) => t !== tile) };
}

/** Whether the layout is the default one (nothing moved or hidden): Reset has nothing to do then. */
export function isDefaultLayout(layout: DashboardLayout | undefined): boolean {
  const order = tileOrder(layout);
  return (layout?.hidden ?? []).length === 0 && order.every((tile, i) => tile === dashboardTiles[i]);
}

/** The settings patch's dashboards with this project's layout set, or removed for the default (Reset). */
export function withLayout(
  all: Readonly<Record<string, DashboardLayout>>,
  projectId: string,
  layout: DashboardLayout | undefined,
): Record<string, DashboardLayout> {
  const others = Object.fromEntries(Object.entries(all).filter(([id]) => id !== projectId));
  return layout === undefined || isDefaultLayout(layout) ? others : { ...others, [projectId]: layout };
}

/** Wide tiles take the whole row; the others share rows two by two. */
export const wideTiles: ReadonlySet<DashboardTile> = new Set(['pipelines', 'deployments']);

export type TileBand =
  { kind: 'wide'; tile: DashboardTile } | { kind: 'columns'; left: DashboardTile[]; right: DashboardTile[] };

/**
 * The shown tiles as bands down the page: a wide tile alone, and the narrow
 * tiles between two wide ones in two columns, the first half on the left
 * (so the reading order is the user's order).
 */
export function tileBands(shown: readonly DashboardTile[]): TileBand[] {
  const bands: TileBand[] = [];
  let run: DashboardTile[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const half = Math.ceil(run.length / 2);
    bands.push({ kind: 'columns', left: run.slice(0, half), right: run.slice(half) });
    run = [];
  };
  for (const tile of shown) {
    if (wideTiles.has(tile)) {
      flush();
      bands.push({ kind: 'wide', tile });
    } else run.push(tile);
  }
  flush();
  return bands;
}
