// One row of the log: its number (a link to the line), the timestamp when
// shown, a fold caret on a group's header, and the text as styled spans.
// Text only: every piece goes into a text node, never into markup.
import { memo } from 'react';
import { parseAnsi, segmentLook } from './ansi';
import type { LogLine } from './log-lines';
import { markSegments } from './log-search';

const labels: Partial<Record<LogLine['kind'], string>> = {
  error: 'Error',
  warning: 'Warning',
  notice: 'Notice',
  debug: 'Debug',
};

function clock(iso: string): string {
  const date = new Date(iso);
  return Number.isFinite(date.getTime())
    ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false })
    : '';
}

export const LogLineView = memo(function LogLineView({
  line,
  index,
  top,
  wrap,
  showTimestamps,
  ranges,
  current,
  selected,
  groupOpen,
  onToggleGroup,
  onLineLink,
  lineHref,
  gutter,
}: {
  line: LogLine;
  index: number;
  top: number;
  wrap: boolean;
  showTimestamps: boolean;
  /** Search matches in this line. */
  ranges: { start: number; end: number }[] | undefined;
  /** The index in `ranges` of the selected match, or -1. */
  current: number;
  selected: boolean;
  groupOpen: boolean | undefined;
  onToggleGroup: (number: number) => void;
  onLineLink: (number: number) => void;
  lineHref: string;
  /** Width of the number column, in characters. */
  gutter: number;
}): React.JSX.Element {
  const segments = markSegments(parseAnsi(line.body).segments, ranges ?? [], current);
  const classes = ['log-row', `log-${line.kind}`];
  if (selected) classes.push('log-row-selected');
  if (current >= 0) classes.push('log-row-current');
  return (
    <div
      className={classes.join(' ')}
      data-row={index}
      data-line={line.number}
      style={wrap ? { top } : { top, height: 20 }}
    >
      <a
        className="log-number"
        href={lineHref}
        style={{ width: `${gutter + 1}ch` }}
        onClick={(event) => {
          event.preventDefault();
          onLineLink(line.number);
        }}
        aria-label={`Line ${line.number}: copy a link`}
      >
        {line.number}
      </a>
      {showTimestamps && (
        <span className="log-time" title={line.timestamp}>
          {line.timestamp === undefined ? '' : clock(line.timestamp)}
        </span>
      )}
      <span className="log-text">
        {line.kind === 'group' && (
          <button
            type="button"
            className="log-fold"
            aria-expanded={groupOpen}
            aria-label={`${groupOpen ? 'Fold' : 'Unfold'} ${line.body}`}
            onClick={() => onToggleGroup(line.number)}
          >
            <span className={`caret${groupOpen ? ' caret-open' : ''}`} aria-hidden="true" />
          </button>
        )}
        {line.kind === 'command' && <span className="log-command-mark">$ </span>}
        {labels[line.kind] !== undefined && <span className="log-label">{labels[line.kind]}: </span>}
        {segments.map((segment, i) => {
          const look = segmentLook(segment.style);
          const className = [look.className, segment.mark ? `log-match log-match-${segment.mark}` : '']
            .filter(Boolean)
            .join(' ');
          return (
            <span
              key={i}
              className={className || undefined}
              style={look.color || look.background ? { color: look.color, background: look.background } : undefined}
            >
              {segment.text}
            </span>
          );
        })}
      </span>
    </div>
  );
});
