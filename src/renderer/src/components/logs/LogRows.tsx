// A virtualized list of log rows: only the rows in view (plus a few either
// side) are in the DOM, so a 100,000-line log scrolls like a short one. Rows
// have one fixed height unless lines wrap; then each row's height is guessed
// from its length and corrected once it has been measured.
import { useCallback, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { RowLayout } from './row-layout';

export const rowHeight = 20;
const overscan = 20;

export interface LogRowsHandle {
  /** Brings a row into view, a third down the viewport. */
  scrollToRow: (index: number) => void;
  scrollToBottom: () => void;
}

export function LogRows({
  count,
  lengths,
  wrap,
  renderRow,
  handle,
  onAtBottom,
  label,
  layoutKey,
}: {
  /** Changes when something other than the width changes the rows' heights (a column shown or hidden). */
  layoutKey: string;
  count: number;
  /** Each row's length in characters, to guess its height when lines wrap. */
  lengths: (index: number) => number;
  wrap: boolean;
  renderRow: (index: number, top: number) => React.ReactNode;
  handle: React.Ref<LogRowsHandle>;
  /** Called when the user scrolls to, or away from, the bottom. */
  onAtBottom: (atBottom: boolean) => void;
  label: string;
}): React.JSX.Element {
  const scroller = useRef<HTMLDivElement>(null);
  const probe = useRef<HTMLSpanElement>(null);
  const [view, setView] = useState({ top: 0, height: 600, width: 800, charWidth: 7.5 });
  // Measured heights of wrapped rows, valid for one width and one set of rows (`key`).
  const [measured, setMeasured] = useState<{ key: string; heights: ReadonlyMap<number, number> }>({
    key: '',
    heights: new Map(),
  });
  const measureKey = `${view.width}:${count}:${layoutKey}`;
  const heightsMeasured = measured.key === measureKey ? measured.heights : undefined;

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const read = () =>
      setView((v) => ({
        ...v,
        height: element.clientHeight,
        width: element.clientWidth,
        charWidth: (probe.current?.getBoundingClientRect().width ?? 75) / 10 || 7.5,
      }));
    read();
    const observer = new ResizeObserver(read);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const layout = useMemo(() => {
    if (!wrap) return RowLayout.fixed(count, rowHeight);
    // The gutter (line number, timestamp) takes about 12 characters; the rest holds the text.
    const perRow = Math.max(20, Math.floor(view.width / view.charWidth) - 12);
    const heights = new Float64Array(count);
    for (let i = 0; i < count; i++)
      heights[i] = heightsMeasured?.get(i) ?? rowHeight * Math.max(1, Math.ceil(lengths(i) / perRow));
    return new RowLayout(heights);
  }, [wrap, count, lengths, view.width, view.charWidth, heightsMeasured]);

  const { start, end } = layout.range(view.top, view.height, overscan);

  // Measure the wrapped rows now in the DOM; a height that differs from the guess moves the rows below it.
  useLayoutEffect(() => {
    if (!wrap || !scroller.current) return;
    const changes = new Map<number, number>();
    for (const row of scroller.current.querySelectorAll<HTMLElement>('[data-row]')) {
      const index = Number(row.dataset['row']);
      const height = row.offsetHeight;
      if (height > 0 && Math.abs(height - (layout.heights[index] ?? 0)) > 0.5) changes.set(index, height);
    }
    if (changes.size === 0) return;
    // Measuring before paint and laying out again is what a layout effect is for; it settles once heights match.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setMeasured((old) => ({
      key: measureKey,
      heights: new Map([...(old.key === measureKey ? old.heights : []), ...changes]),
    }));
  }, [wrap, layout, start, end, measureKey]);

  const isAtBottom = (element: HTMLElement) => element.scrollTop + element.clientHeight >= element.scrollHeight - 4;
  const onScroll = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    setView((v) => (v.top === element.scrollTop ? v : { ...v, top: element.scrollTop }));
    onAtBottom(isAtBottom(element));
  }, [onAtBottom]);

  useImperativeHandle(
    handle,
    () => ({
      scrollToRow: (index) => {
        const element = scroller.current;
        if (!element) return;
        element.scrollTop = Math.max(0, layout.top(index) - element.clientHeight / 3);
        setView((v) => ({ ...v, top: element.scrollTop }));
      },
      scrollToBottom: () => {
        const element = scroller.current;
        if (!element) return;
        element.scrollTop = element.scrollHeight;
        setView((v) => ({ ...v, top: element.scrollTop }));
      },
    }),
    [layout],
  );

  const rows: React.ReactNode[] = [];
  for (let i = start; i < end; i++) rows.push(renderRow(i, layout.top(i)));

  return (
    <div
      ref={scroller}
      className={`log-scroller${wrap ? ' log-wrap' : ''}`}
      onScroll={onScroll}
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      <span ref={probe} className="log-probe" aria-hidden="true">
        0000000000
      </span>
      <div className="log-canvas" style={{ height: layout.total }}>
        {rows}
      </div>
    </div>
  );
}
