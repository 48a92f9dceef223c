import { describe, expect, it } from 'vitest';
import {
  hiddenTiles,
  hideTile,
  isDefaultLayout,
  moveTile,
  showTile,
  shownTiles,
  tileBands,
  tileOrder,
  withLayout,
} from '../../src/renderer/src/components/project/tile-layout';
import { dashboardTiles, type DashboardTile } from '../../src/shared/model';

const all = [...dashboardTiles];

describe('a project dashboard’s tile layout', () => {
  it('is the default order without a stored layout', () => {
    expect(tileOrder(undefined)).toEqual(all);
    expect(isDefaultLayout(undefined)).toBe(true);
    expect(shownTiles(undefined, ['activity', 'builds', 'pipelines'])).toEqual(['pipelines', 'builds', 'activity']);
  });

  it('puts tiles the stored order does not name after their default predecessor, and drops repeats', () => {
    const order = tileOrder({ order: ['activity', 'builds', 'activity', 'pipelines'], hidden: [] });
    expect(order).toEqual([
      'activity',
      'builds',
      'actions',
      'deployments',
      'repository',
      'environments',
      'approvals',
      'pipelines',
    ]);
    expect(new Set(order).size).toBe(dashboardTiles.length);
  });

  it('moves a tile past hidden and absent tiles, swapping with its shown neighbour', () => {
    const available: DashboardTile[] = ['pipelines', 'builds', 'repository', 'activity'];
    const hidden = hideTile(undefined, 'builds');
    const moved = moveTile(hidden, 'repository', -1, available);
    expect(shownTiles(moved, available)).toEqual(['repository', 'pipelines', 'activity']);
    expect(moved.hidden).toEqual(['builds']);
    // Down again restores the shown order.
    expect(shownTiles(moveTile(moved, 'repository', 1, available), available)).toEqual([
      'pipelines',
      'repository',
      'activity',
    ]);
  });

  it('leaves the order alone at either end, or for a tile that is not shown', () => {
    const available: DashboardTile[] = ['pipelines', 'activity'];
    expect(moveTile(undefined, 'pipelines', -1, available).order).toEqual(all);
    expect(moveTile(undefined, 'activity', 1, available).order).toEqual(all);
    expect(moveTile(undefined, 'builds', 1, available).order).toEqual(all);
  });

  it('hides and shows a tile, once each', () => {
    const hidden = hideTile(hideTile(undefined, 'activity'), 'activity');
    expect(hidden.hidden).toEqual(['activity']);
    expect(hiddenTiles(hidden)).toEqual(['activity']);
    expect(shownTiles(hidden, all)).not.toContain('activity');
    const shown = showTile(hidden, 'activity');
    expect(shown.hidden).toEqual([]);
    expect(isDefaultLayout(shown)).toBe(true);
  });

  it('stores a changed layout per project, and removes it on reset or when it is the default again', () => {
    const stored = { other: { order: ['activity' as const], hidden: [] } };
    const changed = hideTile(undefined, 'builds');
    expect(withLayout(stored, 'shop', changed)).toEqual({ ...stored, shop: changed });
    expect(withLayout({ ...stored, shop: changed }, 'shop', undefined)).toEqual(stored);
    expect(withLayout({ ...stored, shop: changed }, 'shop', showTile(changed, 'builds'))).toEqual(stored);
  });

  it('lays wide tiles across and the narrow ones between in two columns, first half on the left', () => {
    expect(tileBands(['builds', 'pipelines', 'actions', 'repository', 'activity', 'deployments'])).toEqual([
      { kind: 'columns', left: ['builds'], right: [] },
      { kind: 'wide', tile: 'pipelines' },
      { kind: 'columns', left: ['actions', 'repository'], right: ['activity'] },
      { kind: 'wide', tile: 'deployments' },
    ]);
  });
});
