// A fixed-row-height virtual list: only the rows in (or just around) the viewport are in the DOM, so
// ten thousand rows scroll like ten. An optional sticky header scrolls sideways with the rows.
import { type CSSProperties, type ReactNode, useEffect, useRef, useState } from 'react';

interface Props {
  count: number;
  rowHeight: number;
  renderRow: (index: number) => ReactNode;
  header?: ReactNode;
  /** Told which rows are on screen, e.g. to load the next page before the user reaches the end. */
  onRange?: (first: number, last: number) => void;
  overscan?: number;
  className?: string;
  /** Keeps the view at the bottom while new rows arrive (a console that is being written). */
  followEnd?: boolean;
  label?: string;
  style?: CSSProperties;
  /** A row to keep in view: when it changes, the list scrolls just enough to show it. */
  scrollToIndex?: number;
}

export function VirtualList({
  count, rowHeight, renderRow, header, onRange, overscan = 8, className, followEnd, label, style, scrollToIndex,
}: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const atEnd = useRef(true);

  useEffect(() => {
    const el = scroller.current!;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const el = scroller.current!;
    if (followEnd && atEnd.current) el.scrollTop = el.scrollHeight;
  }, [count, followEnd]);

  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = scroller.current;
    if (scrollToIndex === undefined || scrollToIndex < 0 || !el || !body.current) return;
    const headerHeight = body.current.offsetTop; // the list is the body's offset parent; the header sticks above it
    const top = scrollToIndex * rowHeight; // in the body
    if (top < el.scrollTop) el.scrollTop = top;
    else if (headerHeight + top + rowHeight > el.scrollTop + el.clientHeight) {
      el.scrollTop = headerHeight + top + rowHeight - el.clientHeight;
    }
    setScrollTop(el.scrollTop);
  }, [scrollToIndex, rowHeight]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);

  useEffect(() => {
    onRange?.(first, last);
  }, [first, last, onRange]);

  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) rows.push(renderRow(i));

  return (
    <div
      ref={scroller}
      className={`virtual-list ${className ?? ''}`}
      role="table"
      aria-label={label}
      aria-rowcount={count}
      style={style}
      onScroll={(e) => {
        const el = e.currentTarget;
        setScrollTop(el.scrollTop);
        atEnd.current = el.scrollTop + el.clientHeight >= el.scrollHeight - rowHeight;
      }}
    >
      {header}
      <div ref={body} className="virtual-list-body" style={{ height: count * rowHeight }}>
        <div style={{ transform: `translateY(${first * rowHeight}px)` }}>{rows}</div>
      </div>
    </div>
  );
}
