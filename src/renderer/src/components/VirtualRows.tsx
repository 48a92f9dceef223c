// A list whose rows all have one height, virtualized once it is long: over
// `virtualizeAbove` rows only those in view of the page's scroller (plus a
// few either side) are in the DOM, so 1,000 pipelines or 5,000 builds scroll
// like twenty. Shorter lists render every row, which keeps find-in-page and
// screen readers' full view. The page keeps one scrollbar: rows follow the
// nearest scrolling ancestor, not a box of their own.
import { useCallback, useLayoutEffect, useRef, useState } from 'react';

export const virtualizeAbove = 200;
const overscan = 12;

/** The rows from `first` up to (not including) `last` that should be in the DOM. */
export function visibleRange(
  count: number,
  rowHeight: number,
  view: { top: number; height: number },
): { first: number; last: number } {
  const first = Math.max(0, Math.floor(view.top / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + overscan);
  return { first, last: Math.max(first, last) };
}

function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return null;
}

export function VirtualRows({
  count,
  rowHeight,
  renderRow,
  className,
  role = 'list',
  label,
}: {
  count: number;
  rowHeight: number;
  /** One row; `style` places it (absolutely) when the list is virtualized, and is empty otherwise. */
  renderRow: (index: number, style: React.CSSProperties) => React.ReactNode;
  className?: string;
  role?: 'list' | 'listbox' | 'rowgroup';
  label?: string;
}): React.JSX.Element {
  const list = useRef<HTMLDivElement>(null);
  const virtual = count > virtualizeAbove;
  const [range, setRange] = useState({ first: 0, last: Math.min(count, 60) });

  const measure = useCallback(() => {
    const element = list.current;
    if (!element || !virtual) return;
    const scroller = scrollParent(element);
    const viewHeight = scroller ? scroller.clientHeight : window.innerHeight;
    const scrollerTop = scroller ? scroller.getBoundingClientRect().top : 0;
    const top = scrollerTop - element.getBoundingClientRect().top;
    const next = visibleRange(count, rowHeight, { top: Math.max(0, top), height: viewHeight });
    setRange((current) => (current.first === next.first && current.last === next.last ? current : next));
  }, [count, rowHeight, virtual]);

  useLayoutEffect(() => {
    const element = list.current;
    if (!element || !virtual) return;
    measure();
    const scroller = scrollParent(element);
    const target: HTMLElement | Window = scroller ?? window;
    target.addEventListener('scroll', measure, { passive: true });
    const observer = new ResizeObserver(measure);
    observer.observe(scroller ?? document.documentElement);
    return () => {
      target.removeEventListener('scroll', measure);
      observer.disconnect();
    };
  }, [measure, virtual]);

  if (!virtual) {
    return (
      <div ref={list} className={className} role={role} aria-label={label}>
        {Array.from({ length: count }, (_, index) => renderRow(index, {}))}
      </div>
    );
  }
  const rows: React.ReactNode[] = [];
  for (let index = range.first; index < Math.min(range.last, count); index++) {
    rows.push(renderRow(index, { position: 'absolute', top: index * rowHeight, left: 0, right: 0, height: rowHeight }));
  }
  return (
    <div
      ref={list}
      className={className}
      role={role}
      aria-label={label}
      style={{ position: 'relative', height: count * rowHeight }}
    >
      {rows}
    </div>
  );
}
