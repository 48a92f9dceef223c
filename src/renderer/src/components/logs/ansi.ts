// Terminal colours in build logs: SGR sequences (ESC [ … m) become styled
// segments of plain text. Every other escape (cursor movement, OSC 8 links,
// OSC 52 clipboard, DCS…) and every other control character is dropped, never
// interpreted: the output is text to be put in text nodes, nothing more.

/** A colour: one of the 256 palette entries (0–15 follow the theme), or an exact RGB. */
export type AnsiColor = { palette: number } | { rgb: [number, number, number] };

export interface AnsiStyle {
  fg?: AnsiColor;
  bg?: AnsiColor;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  inverse?: boolean;
}

export interface AnsiSegment {
  text: string;
  style: AnsiStyle;
}

const ESC = '\u001b';
const CSI8 = '\u009b';
/** Anything but plain text: C0 controls but the tab, DEL, C1 controls. */
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;
const stringIntroducers7 = new Set([']', 'P', 'X', '^', '_']);
const stringIntroducers8 = new Set(['\u009d', '\u0090', '\u0098', '\u009e', '\u009f']);

/** Where a string-type sequence (OSC, DCS, SOS, PM, APC) ends: BEL or ST (ESC \ or 0x9c); the end of input otherwise. */
function endOfStringSequence(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\u0007' || c === '\u009c') return i + 1;
    if (c === ESC && text[i + 1] === '\\') return i + 2;
  }
  return text.length;
}

/** Where a CSI sequence that starts its parameters at `from` ends (after its final byte 0x40–0x7e). */
function endOfCsi(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x40 && code <= 0x7e) return i + 1;
    // Only parameter and intermediate bytes belong to a CSI; anything else ends a malformed one here.
    if (code < 0x20 || code > 0x3f) return i;
  }
  return text.length;
}

function extendedColor(params: number[], i: number): { color?: AnsiColor; next: number } {
  const mode = params[i + 1];
  if (mode === 5) {
    const index = params[i + 2];
    return {
      ...(index !== undefined && index >= 0 && index <= 255 ? { color: { palette: index } } : {}),
      next: i + 3,
    };
  }
  if (mode === 2) {
    const [r, g, b] = [params[i + 2], params[i + 3], params[i + 4]];
    const valid = [r, g, b].every((v) => v !== undefined && v >= 0 && v <= 255);
    return { ...(valid ? { color: { rgb: [r ?? 0, g ?? 0, b ?? 0] } } : {}), next: i + 5 };
  }
  return { next: params.length };
}

/** Applies one SGR parameter list to a style (a new object; the old one may be in a segment already). */
export function applySgr(style: AnsiStyle, parameterText: string): AnsiStyle {
  const params = parameterText === '' ? [0] : parameterText.split(/[;:]/).map((p) => (p === '' ? 0 : Number(p)));
  let next: AnsiStyle = { ...style };
  for (let i = 0; i < params.length;) {
    const p = params[i] ?? 0;
    if (p === 38 || p === 48) {
      const { color, next: after } = extendedColor(params, i);
      if (color) next = p === 38 ? { ...next, fg: color } : { ...next, bg: color };
      i = after;
      continue;
    }
    i++;
    if (p === 0) next = {};
    else if (p === 1) next.bold = true;
    else if (p === 2) next.dim = true;
    else if (p === 3) next.italic = true;
    else if (p === 4) next.underline = true;
    else if (p === 7) next.inverse = true;
    else if (p === 9) next.strike = true;
    else if (p === 22) next = without(next, 'bold', 'dim');
    else if (p === 23) next = without(next, 'italic');
    else if (p === 24) next = without(next, 'underline');
    else if (p === 27) next = without(next, 'inverse');
    else if (p === 29) next = without(next, 'strike');
    else if (p >= 30 && p <= 37) next.fg = { palette: p - 30 };
    else if (p === 39) next = without(next, 'fg');
    else if (p >= 40 && p <= 47) next.bg = { palette: p - 40 };
    else if (p === 49) next = without(next, 'bg');
    else if (p >= 90 && p <= 97) next.fg = { palette: p - 90 + 8 };
    else if (p >= 100 && p <= 107) next.bg = { palette: p - 100 + 8 };
  }
  return next;
}

function without(style: AnsiStyle, ...keys: (keyof AnsiStyle)[]): AnsiStyle {
  return Object.fromEntries(Object.entries(style).filter(([key]) => !keys.includes(key as keyof AnsiStyle)));
}

/**
 * Splits one line into styled segments. `style` is the style in force at its
 * start (a log's colours may run over a line end); the style at its end comes back.
 */
export function parseAnsi(line: string, style: AnsiStyle = {}): { segments: AnsiSegment[]; style: AnsiStyle } {
  if (!controlCharacter.test(line)) return { segments: line === '' ? [] : [{ text: line, style }], style };
  const segments: AnsiSegment[] = [];
  let current = style;
  let text = '';
  const flush = (): void => {
    if (text !== '') segments.push({ text, style: current });
    text = '';
  };
  for (let i = 0; i < line.length;) {
    const c = line[i] ?? '';
    const code = line.charCodeAt(i);
    if (c === ESC || (code >= 0x80 && code <= 0x9f)) {
      const csiStart = c === CSI8 ? i + 1 : c === ESC && line[i + 1] === '[' ? i + 2 : -1;
      if (csiStart !== -1) {
        const end = endOfCsi(line, csiStart);
        const parameters = line.slice(csiStart, end - 1);
        if (line[end - 1] === 'm' && /^[\d;:]*$/.test(parameters)) {
          flush();
          current = applySgr(current, parameters);
        }
        i = end;
        continue;
      }
      // OSC, DCS, SOS, PM, APC (7-bit or 8-bit): their whole payload goes.
      if (c === ESC ? stringIntroducers7.has(line[i + 1] ?? '') : stringIntroducers8.has(c)) {
        i = endOfStringSequence(line, i + (c === ESC ? 2 : 1));
        continue;
      }
      // Any other escape: ESC, its intermediate bytes and one final byte; any other C1 control alone.
      let j = i + 1;
      if (c === ESC) {
        while (j < line.length && line.charCodeAt(j) >= 0x20 && line.charCodeAt(j) <= 0x2f) j++;
        if (j < line.length) j++;
      }
      i = j;
      continue;
    }
    // Other control characters (backspace, bell, NUL…) are dropped; a tab stays.
    if ((code < 0x20 && c !== '\t') || code === 0x7f) {
      i++;
      continue;
    }
    text += c;
    i++;
  }
  flush();
  return { segments, style: current };
}

/** The line's text without any escape sequence or control character. */
export function stripAnsi(line: string): string {
  return parseAnsi(line)
    .segments.map((segment) => segment.text)
    .join('');
}

/** The standard xterm palette for 16–255 (the first 16 are the theme's, see log-viewer.css). */
export function paletteRgb(index: number): [number, number, number] | undefined {
  if (index < 16 || index > 255) return undefined;
  if (index >= 232) {
    const level = 8 + (index - 232) * 10;
    return [level, level, level];
  }
  const cube = index - 16;
  const step = (n: number): number => (n === 0 ? 0 : 55 + n * 40);
  return [step(Math.floor(cube / 36)), step(Math.floor(cube / 6) % 6), step(cube % 6)];
}

/** How a segment looks: classes for the theme's 16 colours and text attributes, exact colours for the rest. */
export function segmentLook(style: AnsiStyle): { className: string; color?: string; background?: string } {
  const classes: string[] = [];
  const [fg, bg] = style.inverse ? [style.bg, style.fg] : [style.fg, style.bg];
  const exact = (color: AnsiColor | undefined, kind: 'fg' | 'bg'): string | undefined => {
    if (color === undefined) {
      if (style.inverse) classes.push(`ansi-${kind}-inverse`);
      return undefined;
    }
    if ('palette' in color && color.palette < 16) {
      classes.push(`ansi-${kind}-${color.palette}`);
      return undefined;
    }
    const rgb = 'rgb' in color ? color.rgb : paletteRgb(color.palette);
    return rgb === undefined ? undefined : `rgb(${rgb[0]}, ${rgb[1]}, ${rgb[2]})`;
  };
  const color = exact(fg, 'fg');
  const background = exact(bg, 'bg');
  if (style.bold) classes.push('ansi-bold');
  if (style.dim) classes.push('ansi-dim');
  if (style.italic) classes.push('ansi-italic');
  if (style.underline) classes.push('ansi-underline');
  if (style.strike) classes.push('ansi-strike');
  return {
    className: classes.join(' '),
    ...(color === undefined ? {} : { color }),
    ...(background === undefined ? {} : { background }),
  };
}
