import { describe, expect, it } from 'vitest';
import { applySgr, paletteRgb, parseAnsi, segmentLook, stripAnsi } from '../../src/renderer/src/components/logs/ansi';

const e = '\u001b';

describe('parseAnsi', () => {
  it('keeps plain text as one unstyled segment', () => {
    expect(parseAnsi('hello world').segments).toEqual([{ text: 'hello world', style: {} }]);
    expect(parseAnsi('').segments).toEqual([]);
  });

  it('reads the 16 colours, bright colours, backgrounds and reset', () => {
    const { segments } = parseAnsi(`${e}[31mred${e}[0m plain ${e}[92;44mbright${e}[m end`);
    expect(segments).toEqual([
      { text: 'red', style: { fg: { palette: 1 } } },
      { text: ' plain ', style: {} },
      { text: 'bright', style: { fg: { palette: 10 }, bg: { palette: 4 } } },
      { text: ' end', style: {} },
    ]);
  });

  it('reads 256-colour and truecolor, with ; or : separators', () => {
    expect(parseAnsi(`${e}[38;5;208mo`).segments[0]?.style).toEqual({ fg: { palette: 208 } });
    expect(parseAnsi(`${e}[48;2;10;20;30mx`).segments[0]?.style).toEqual({ bg: { rgb: [10, 20, 30] } });
    expect(parseAnsi(`${e}[38:2:1:2:3mx`).segments[0]?.style).toEqual({ fg: { rgb: [1, 2, 3] } });
    // Out-of-range values are ignored, not clamped into a colour.
    expect(parseAnsi(`${e}[38;5;300mx`).segments[0]?.style).toEqual({});
  });

  it('reads bold, italic, underline and their resets', () => {
    const { segments } = parseAnsi(`${e}[1;3;4mall${e}[22mno bold${e}[23;24mnone${e}[39m`);
    expect(segments.map((s) => s.style)).toEqual([
      { bold: true, italic: true, underline: true },
      { italic: true, underline: true },
      {},
    ]);
  });

  it('carries a style over the end of a line when asked', () => {
    const first = parseAnsi(`${e}[33mstarts`);
    expect(parseAnsi('continues', first.style).segments[0]?.style).toEqual({ fg: { palette: 3 } });
  });

  it('strips OSC 8 hyperlinks and OSC 52 clipboard writes, keeping the visible text', () => {
    expect(stripAnsi(`${e}]8;;https://evil.example/${e}\\click${e}]8;;${e}\\`)).toBe('click');
    expect(stripAnsi(`${e}]8;;https://evil.example/\u0007click${e}]8;;\u0007`)).toBe('click');
    expect(stripAnsi(`before${e}]52;c;ZXZpbA==\u0007after`)).toBe('beforeafter');
    expect(stripAnsi(`window title${e}]0;pwned\u0007`)).toBe('window title');
  });

  it('strips cursor movement, screen clearing, DCS and other escapes without interpreting them', () => {
    expect(stripAnsi(`${e}[2J${e}[H${e}[10;20Hmoved${e}[1A${e}[K${e}[?25l`)).toBe('moved');
    expect(stripAnsi(`${e}Pq#0;2;0;0;0${e}\\sixel gone`)).toBe('sixel gone');
    expect(stripAnsi(`${e}7saved${e}8 ${e}(Bcharset`)).toBe('saved charset');
    expect(stripAnsi('\u009b31mC1 csi\u009d8;;x\u0007 osc')).toBe('C1 csi osc');
    expect(stripAnsi('bell\u0007 back\bspace\u0000nul\ttab')).toBe('bell backspacenul\ttab');
    // An unfinished sequence at the end of a line goes too.
    expect(stripAnsi(`tail${e}[38;5`)).toBe('tail');
    expect(stripAnsi(`tail${e}]8;;https://never-closed`)).toBe('tail');
  });

  it('keeps markup as text', () => {
    const line = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    expect(parseAnsi(line).segments).toEqual([{ text: line, style: {} }]);
    expect(stripAnsi(`${e}[31m${line}${e}[0m`)).toBe(line);
  });
});

describe('applySgr', () => {
  it('treats an empty parameter list as a reset', () => {
    expect(applySgr({ bold: true, fg: { palette: 1 } }, '')).toEqual({});
  });
});

describe('segmentLook', () => {
  it('uses theme classes for the 16 colours and exact colours beyond', () => {
    expect(segmentLook({ fg: { palette: 1 }, bold: true })).toEqual({ className: 'ansi-fg-1 ansi-bold' });
    expect(segmentLook({ fg: { palette: 196 } })).toEqual({ className: '', color: 'rgb(255, 0, 0)' });
    expect(segmentLook({ bg: { rgb: [1, 2, 3] }, underline: true, italic: true })).toEqual({
      className: 'ansi-italic ansi-underline',
      background: 'rgb(1, 2, 3)',
    });
  });

  it('swaps colours when inverse', () => {
    expect(segmentLook({ fg: { palette: 2 }, inverse: true }).className).toBe('ansi-fg-inverse ansi-bg-2');
  });
});

describe('paletteRgb', () => {
  it('follows xterm’s cube and grey ramp', () => {
    expect(paletteRgb(16)).toEqual([0, 0, 0]);
    expect(paletteRgb(231)).toEqual([255, 255, 255]);
    expect(paletteRgb(208)).toEqual([255, 135, 0]);
    expect(paletteRgb(232)).toEqual([8, 8, 8]);
    expect(paletteRgb(255)).toEqual([238, 238, 238]);
    expect(paletteRgb(7)).toBeUndefined();
  });
});
