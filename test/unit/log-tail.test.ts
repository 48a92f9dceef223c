import { describe, expect, it } from 'vitest';
import { maxLogBytes, tailOfLog } from '../../src/main/hub/live/log-tail';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('tailOfLog', () => {
  it('keeps a log under the bound whole', () => {
    const text = 'line 1\nline 2\n';
    expect(tailOfLog(text, 100)).toEqual({ text, truncatedBytes: 0 });
    expect(tailOfLog('exactly ten', bytes('exactly ten'))).toEqual({ text: 'exactly ten', truncatedBytes: 0 });
  });

  it('keeps the end, cut where a line starts, and counts the bytes cut', () => {
    const text = 'first line\nsecond line\nthird line\n';
    const tail = tailOfLog(text, 20);
    expect(tail.text).toBe('third line\n');
    expect(tail.truncatedBytes).toBe(bytes('first line\nsecond line\n'));
    expect(tail.truncatedBytes + bytes(tail.text)).toBe(bytes(text));
  });

  it('never splits a multi-byte character, even when no line start is in reach', () => {
    const text = 'é'.repeat(20) + '🚀'.repeat(10);
    for (let limit = 1; limit < bytes(text); limit++) {
      const tail = tailOfLog(text, limit);
      expect(tail.text).not.toContain('\uFFFD');
      expect(bytes(tail.text)).toBeLessThanOrEqual(limit);
      expect(tail.truncatedBytes + bytes(tail.text)).toBe(bytes(text));
      expect(text.endsWith(tail.text)).toBe(true);
    }
  });

  it('starts at a line start with multi-byte text around the cut', () => {
    const text = `${'ü'.repeat(30)}\n${'日本語'.repeat(3)}\n`;
    const tail = tailOfLog(text, 30);
    expect(tail.text).toBe(`${'日本語'.repeat(3)}\n`);
    expect(tail.truncatedBytes).toBe(bytes(`${'ü'.repeat(30)}\n`));
  });

  it('bounds a log of many megabytes to 8 MiB, whole lines only', () => {
    const line = 'ok 1 - a test line of a build log\n';
    const text = line.repeat(Math.ceil((maxLogBytes * 1.5) / line.length));
    const tail = tailOfLog(text);
    expect(bytes(tail.text)).toBeLessThanOrEqual(maxLogBytes);
    expect(tail.text.startsWith('ok 1 - ')).toBe(true);
    expect(tail.truncatedBytes).toBe(bytes(text) - bytes(tail.text));
    expect(tail.truncatedBytes % line.length).toBe(0);
  });
});
