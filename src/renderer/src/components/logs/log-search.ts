// Search in a log: every match of a plain (not regular-expression) query,
// case-insensitive, over the text the viewer shows (escapes removed), and
// the matches split back into a line's styled segments for highlighting.
import type { AnsiSegment } from './ansi';

export interface LogMatch {
  /** The line's number (1-based). */
  line: number;
  start: number;
  end: number;
}

/** At most this many matches are kept: enough to step through, bounded for a query like "e" on 100,000 lines. */
export const maxMatches = 10_000;

/** Matches of `query` in each line's text, in order; `truncated` when there were more than `limit`. */
export function findMatches(
  texts: readonly { number: number; text: string }[],
  query: string,
  limit = maxMatches,
): { matches: LogMatch[]; truncated: boolean } {
  const needle = query.toLowerCase();
  const matches: LogMatch[] = [];
  if (needle === '') return { matches, truncated: false };
  for (const { number, text } of texts) {
    const haystack = text.toLowerCase();
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
      if (matches.length === limit) return { matches, truncated: true };
      matches.push({ line: number, start: at, end: at + needle.length });
    }
  }
  return { matches, truncated: false };
}

/** The match after (or before) `current`, wrapping around; -1 when there is none. */
export function stepMatch(current: number, count: number, direction: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return direction === 1 ? 0 : count - 1;
  return (current + direction + count) % count;
}

export type MarkedSegment = AnsiSegment & { mark?: 'match' | 'current' };

/**
 * Cuts a line's segments where matches begin and end, marking the pieces
 * inside one; `current` is the index in `ranges` of the selected match.
 */
export function markSegments(
  segments: readonly AnsiSegment[],
  ranges: readonly { start: number; end: number }[],
  current = -1,
): MarkedSegment[] {
  if (ranges.length === 0) return [...segments];
  const out: MarkedSegment[] = [];
  let offset = 0;
  for (const segment of segments) {
    const from = offset;
    const to = offset + segment.text.length;
    offset = to;
    let cursor = from;
    for (const [index, range] of ranges.entries()) {
      const start = Math.max(range.start, cursor);
      const end = Math.min(range.end, to);
      if (start >= end) continue;
      if (start > cursor) out.push({ text: segment.text.slice(cursor - from, start - from), style: segment.style });
      out.push({
        text: segment.text.slice(start - from, end - from),
        style: segment.style,
        mark: index === current ? 'current' : 'match',
      });
      cursor = end;
    }
    if (cursor < to) out.push({ text: segment.text.slice(cursor - from), style: segment.style });
  }
  return out;
}
