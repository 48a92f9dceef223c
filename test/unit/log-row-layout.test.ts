import { describe, expect, it } from 'vitest';
import { RowLayout } from '../../src/renderer/src/components/logs/row-layout';

describe('RowLayout', () => {
  it('renders a bounded window of a 100,000-row log wherever it is scrolled', () => {
    const layout = RowLayout.fixed(100_000, 20);
    expect(layout.total).toBe(2_000_000);
    for (const top of [0, 12_345, 1_000_000, 1_999_400, 5_000_000]) {
      const { start, end } = layout.range(top, 600, 20);
      expect(end - start).toBeLessThanOrEqual(30 + 2 * 20 + 1);
      expect(end).toBeLessThanOrEqual(100_000);
    }
    expect(layout.range(0, 600, 20)).toEqual({ start: 0, end: 50 });
    expect(layout.range(1_000_000, 600, 20)).toEqual({ start: 49_980, end: 50_050 });
  });

  it('places rows of different heights and finds the row at a position', () => {
    const layout = new RowLayout([20, 60, 20]);
    expect([layout.top(0), layout.top(1), layout.top(2), layout.total]).toEqual([0, 20, 80, 100]);
    expect([layout.indexAt(0), layout.indexAt(19), layout.indexAt(20), layout.indexAt(79), layout.indexAt(80)]).toEqual(
      [0, 0, 1, 1, 2],
    );
    expect(layout.indexAt(10_000)).toBe(2);
    expect(layout.range(30, 10, 0)).toEqual({ start: 1, end: 2 });
  });

  it('has nothing to render without rows', () => {
    expect(RowLayout.fixed(0, 20).range(0, 600, 20)).toEqual({ start: 0, end: 0 });
  });
});
