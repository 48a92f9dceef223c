// The palette's fuzzy ranking, in the spirit of VS Code's quick open: the
// query's letters must appear in order (any case); letters that start a word
// or follow the previous match count most, so "pay" finds "Payments API"
// before "deploy-app-yaml". Pure, so Node tests can run it.
import type { PaletteItem, PaletteKind } from './palette-items';

export interface RankedItem {
  item: PaletteItem;
  /** Positions in the title (or, when the title did not match, the subtitle) to highlight. */
  titleMatches: readonly number[];
  subtitleMatches: readonly number[];
}

/** More than a list can usefully show; the user types more instead. */
export const maxResults = 50;

/** Text past this is not searched: ids and titles are short, and the search stays linear. */
const maxSearched = 160;
const maxQuery = 64;

const wordStartBonus = 8;
const contiguousBonus = 6;
const firstCharBonus = 4;
const gapPenalty = 0.2;
/** A match only in the subtitle ranks below most title matches. */
const subtitlePenalty = 12;

/** Among equal scores: what a user most likely means. */
const kindOrder: readonly PaletteKind[] = [
  'project',
  'page',
  'command',
  'pipeline',
  'repository',
  'deploy-target',
  'run',
  'build',
  'deployment',
];

const separatorText = ' \t-_/.:#@()·';
const separators = new Set(Array.from({ length: separatorText.length }, (_, i) => separatorText.charCodeAt(i)));
const isLowerLetter = (code: number): boolean => code >= 97 && code <= 122;
const isUpperLetter = (code: number): boolean => code >= 65 && code <= 90;
const isDigit = (code: number): boolean => code >= 48 && code <= 57;

function isWordStart(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text.charCodeAt(at - 1);
  const here = text.charCodeAt(at);
  if (separators.has(before)) return true;
  // camelCase and digits after letters ("buildSpec", "api2") start words too.
  return (isLowerLetter(before) && isUpperLetter(here)) || (!isDigit(before) && isDigit(here));
}

/** Lower case with positions kept: a few letters ("İ") grow when lower-cased, so those go one at a time. */
function lowered(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let kept = '';
  for (let i = 0; i < text.length; i++) {
    const one = text.charAt(i).toLowerCase();
    kept += one.length === 1 ? one : text.charAt(i);
  }
  return kept;
}

// Reused between calls: ranking runs the matcher on thousands of items per keystroke.
let scores = new Float64Array(0);
let froms = new Int32Array(0);

/**
 * The best way to match `query` as a subsequence of `text`, or undefined.
 * Dynamic programming over (query letter, text position): O(query × text).
 */
export function fuzzyMatch(text: string, query: string): { score: number; positions: number[] } | undefined {
  const t = text.slice(0, maxSearched);
  const lower = lowered(t);
  const q = lowered(query.slice(0, maxQuery));
  if (q.length === 0) return { score: 0, positions: [] };
  // Cheap rejection first: most items do not hold the letters in order at all.
  let at = 0;
  for (let i = 0; i < q.length; i++) {
    at = lower.indexOf(q.charAt(i), at) + 1;
    if (at === 0) return undefined;
  }

  const n = t.length;
  const m = q.length;
  if (scores.length < m * n) {
    scores = new Float64Array(m * n * 2);
    froms = new Int32Array(m * n * 2);
  }
  // scores[i*n+j]: best score with query letter i matched at text position j; froms: where letter i-1 was.
  for (let i = 0; i < m; i++) {
    const row = i * n;
    const prevRow = row - n;
    const letter = q.charCodeAt(i);
    // Best of the previous row strictly before j, plus gapPenalty × its position (the gap is charged below).
    let best = -Infinity;
    let bestAt = -1;
    for (let j = 0; j < n; j++) {
      scores[row + j] = -Infinity;
      froms[row + j] = -1;
      if (i > 0 && j > 0) {
        const prev = (scores[prevRow + j - 1] ?? -Infinity) + gapPenalty * (j - 1);
        if (prev > best) {
          best = prev;
          bestAt = j - 1;
        }
      }
      if (lower.charCodeAt(j) !== letter) continue;
      const bonus = 1 + (isWordStart(t, j) ? wordStartBonus : 0);
      if (i === 0) {
        scores[row + j] = bonus + (j === 0 ? firstCharBonus : 0) - gapPenalty * j * 0.5;
        continue;
      }
      const adjacent = j > 0 ? (scores[prevRow + j - 1] ?? -Infinity) + contiguousBonus : -Infinity;
      const skipped = best - gapPenalty * (j - 1);
      if (adjacent >= skipped && adjacent > -Infinity) {
        scores[row + j] = adjacent + bonus;
        froms[row + j] = j - 1;
      } else if (skipped > -Infinity) {
        scores[row + j] = skipped + bonus;
        froms[row + j] = bestAt;
      }
    }
  }

  const lastRow = (m - 1) * n;
  let end = -1;
  let endScore = -Infinity;
  for (let j = 0; j < n; j++) {
    const s = scores[lastRow + j] ?? -Infinity;
    if (s > endScore) {
      endScore = s;
      end = j;
    }
  }
  if (end < 0) return undefined;
  const positions: number[] = new Array<number>(m);
  for (let i = m - 1, j = end; i >= 0 && j >= 0; i--) {
    positions[i] = j;
    j = froms[i * n + j] ?? -1;
  }
  // A query that is the whole text, or all of its start, is what was asked for.
  const exact = lower === q ? 10 : lower.startsWith(q) ? 5 : 0;
  return { score: endScore + exact, positions };
}

/**
 * The items matching `query`, best first, at most maxResults. Ties keep the
 * kind order, then the given order (stable). An empty query lists commands
 * and pages first, then everything else as given.
 */
export function rankItems(items: readonly PaletteItem[], query: string): RankedItem[] {
  const trimmed = query.trim();
  if (trimmed === '') {
    const first = items.filter((i) => i.kind === 'page' || i.kind === 'command');
    const rest = items.filter((i) => i.kind !== 'page' && i.kind !== 'command');
    return [...first, ...rest].slice(0, maxResults).map((item) => ({ item, titleMatches: [], subtitleMatches: [] }));
  }
  const scored: { ranked: RankedItem; score: number; order: number }[] = [];
  items.forEach((item, order) => {
    const inTitle = fuzzyMatch(item.title, trimmed);
    const inSubtitle = inTitle ? undefined : fuzzyMatch(item.subtitle, trimmed);
    if (inTitle) {
      scored.push({
        ranked: { item, titleMatches: inTitle.positions, subtitleMatches: [] },
        score: inTitle.score,
        order,
      });
    } else if (inSubtitle) {
      const ranked = { item, titleMatches: [], subtitleMatches: inSubtitle.positions };
      scored.push({ ranked, score: inSubtitle.score - subtitlePenalty, order });
    }
  });
  const kindRank = (kind: PaletteKind): number => kindOrder.indexOf(kind);
  scored.sort(
    (a, b) => b.score - a.score || kindRank(a.ranked.item.kind) - kindRank(b.ranked.item.kind) || a.order - b.order,
  );
  return scored.slice(0, maxResults).map((s) => s.ranked);
}

/** The text cut into plain and matched runs, for spans (never HTML). */
export function highlightSegments(text: string, positions: readonly number[]): { text: string; match: boolean }[] {
  const marked = new Set(positions);
  const segments: { text: string; match: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const match = marked.has(i);
    const last = segments[segments.length - 1];
    if (last && last.match === match) last.text += text.charAt(i);
    else segments.push({ text: text.charAt(i), match });
  }
  return segments;
}
