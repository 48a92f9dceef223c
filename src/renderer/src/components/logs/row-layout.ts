// Where each row of a virtualized list sits: heights in, offsets out, and
// which rows a scroll position shows. Pure, so it is tested without a DOM.

export class RowLayout {
  /** offsets[i] is the top of row i; offsets[count] is the total height. */
  readonly offsets: Float64Array;

  constructor(readonly heights: ArrayLike<number>) {
    this.offsets = new Float64Array(heights.length + 1);
    for (let i = 0; i < heights.length; i++) this.offsets[i + 1] = (this.offsets[i] ?? 0) + (heights[i] ?? 0);
  }

  /** Rows of one height: the common case (no wrapping) needs no per-row array. */
  static fixed(count: number, height: number): RowLayout {
    return new RowLayout(new Float64Array(count).fill(height));
  }

  get count(): number {
    return this.heights.length;
  }

  get total(): number {
    return this.offsets[this.count] ?? 0;
  }

  top(index: number): number {
    return this.offsets[Math.max(0, Math.min(index, this.count))] ?? 0;
  }

  /** The row at a vertical position (clamped to the rows there are). */
  indexAt(y: number): number {
    let low = 0;
    let high = this.count - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.offsets[middle] ?? 0) <= y) low = middle;
      else high = middle - 1;
    }
    return Math.max(0, low);
  }

  /** The rows to render for a viewport (`end` excluded), with `overscan` rows either side. */
  range(scrollTop: number, viewport: number, overscan: number): { start: number; end: number } {
    if (this.count === 0) return { start: 0, end: 0 };
    const first = this.indexAt(scrollTop);
    const last = this.indexAt(scrollTop + Math.max(0, viewport - 1));
    return { start: Math.max(0, first - overscan), end: Math.min(this.count, last + 1 + overscan) };
  }
}
