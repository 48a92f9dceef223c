import { describe, expect, it } from 'vitest';
import { findMatches, markSegments, stepMatch } from '../../src/renderer/src/components/logs/log-search';

const lines = [
  { number: 1, text: 'Error: one error' },
  { number: 2, text: 'nothing' },
  { number: 3, text: 'ERRORerror' },
];

describe('findMatches', () => {
  it('finds every match, case-insensitive, in order', () => {
    expect(findMatches(lines, 'error').matches).toEqual([
      { line: 1, start: 0, end: 5 },
      { line: 1, start: 11, end: 16 },
      { line: 3, start: 0, end: 5 },
      { line: 3, start: 5, end: 10 },
    ]);
  });

  it('takes the query as text, not a pattern', () => {
    expect(findMatches([{ number: 1, text: 'a.b a+b (x)' }], '(x)').matches).toEqual([{ line: 1, start: 8, end: 11 }]);
    expect(findMatches([{ number: 1, text: 'a.b axb' }], '.').matches).toHaveLength(1);
  });

  it('finds nothing for an empty query and stops at the limit', () => {
    expect(findMatches(lines, '')).toEqual({ matches: [], truncated: false });
    const capped = findMatches(lines, 'e', 3);
    expect(capped.matches).toHaveLength(3);
    expect(capped.truncated).toBe(true);
  });
});

describe('stepMatch', () => {
  it('steps forward and back, wrapping around', () => {
    expect(stepMatch(-1, 3, 1)).toBe(0);
    expect(stepMatch(-1, 3, -1)).toBe(2);
    expect(stepMatch(2, 3, 1)).toBe(0);
    expect(stepMatch(0, 3, -1)).toBe(2);
    expect(stepMatch(0, 0, 1)).toBe(-1);
  });
});

describe('markSegments', () => {
  const red = { fg: { palette: 1 } };
  it('cuts styled segments where matches start and end, marking the current one', () => {
    const segments = [
      { text: 'Error: ', style: red },
      { text: 'one error', style: {} },
    ];
    expect(
      markSegments(
        segments,
        [
          { start: 0, end: 5 },
          { start: 11, end: 16 },
        ],
        1,
      ),
    ).toEqual([
      { text: 'Error', style: red, mark: 'match' },
      { text: ': ', style: red },
      { text: 'one ', style: {} },
      { text: 'error', style: {}, mark: 'current' },
    ]);
  });

  it('marks a match that spans two segments in both', () => {
    expect(
      markSegments(
        [
          { text: 'ab', style: red },
          { text: 'cd', style: {} },
        ],
        [{ start: 1, end: 3 }],
      ),
    ).toEqual([
      { text: 'a', style: red },
      { text: 'b', style: red, mark: 'match' },
      { text: 'c', style: {}, mark: 'match' },
      { text: 'd', style: {} },
    ]);
  });
});
