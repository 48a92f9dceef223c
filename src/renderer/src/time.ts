// Times as the dashboard says them: "3 min ago", "as of 10:42", "1 min 12 s".
// Pure functions of the time and "now", so they are tested without a clock.

/** How long ago `iso` was, in the largest unit that fits; "just now" for the last few seconds or the future. */
export function relativeTime(iso: string, now: number): string {
  const then = Date.parse(iso);
  if (!Number.isFinite(then)) return 'at an unknown time';
  const seconds = Math.floor((now - then) / 1000);
  if (seconds < 10) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 7) return days === 1 ? 'yesterday' : `${days} days ago`;
  return `on ${new Date(then).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })}`;
}

/** A wall-clock time: "10:42" today, "3 Mar, 10:42" on another day. */
export function clockTime(iso: string, now: number): string {
  const then = new Date(iso);
  if (!Number.isFinite(then.getTime())) return 'an unknown time';
  const time = then.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  if (then.toDateString() === new Date(now).toDateString()) return time;
  return `${then.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}, ${time}`;
}

/** A duration in at most two units: "45 s", "1 min 12 s", "2 h 3 min". */
export function durationText(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

/** How long something ran: to its end, or until now while it runs. Undefined without a start. */
export function elapsed(start: string | undefined, end: string | undefined, now: number): number | undefined {
  if (start === undefined) return undefined;
  const from = Date.parse(start);
  const to = end === undefined ? now : Date.parse(end);
  return Number.isFinite(from) && Number.isFinite(to) ? Math.max(0, to - from) : undefined;
}
