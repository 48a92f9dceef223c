// How much of a downloaded log the window gets: all of it up to a bound, then
// the tail (a failure is at the end), cut at a line start so that no line
// shows half.

/** 8 MiB of text: ~100,000 lines of a typical build log. */
export const maxLogBytes = 8 * 1024 * 1024;

export function tailOfLog(text: string, limit = maxLogBytes): { text: string; truncatedBytes: number } {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= limit) return { text, truncatedBytes: 0 };
  const buffer = Buffer.from(text, 'utf8');
  let start = buffer.length - limit;
  // Skip to the next line so the first line shown is whole (and no UTF-8 sequence is split).
  const newline = buffer.indexOf(0x0a, start);
  if (newline !== -1 && newline < buffer.length - 1) start = newline + 1;
  else while (start < buffer.length && ((buffer[start] ?? 0) & 0xc0) === 0x80) start++;
  return { text: buffer.subarray(start).toString('utf8'), truncatedBytes: start };
}
