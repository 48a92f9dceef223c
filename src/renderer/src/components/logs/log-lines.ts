// GitHub's job log format: each line may start with an ISO timestamp, and
// workflow commands mark groups (##[group] … ##[endgroup]), errors, warnings,
// notices, debug output and the commands the runner ran ([command]…).

export type LogLineKind = 'group' | 'endgroup' | 'error' | 'warning' | 'notice' | 'debug' | 'command' | 'plain';

export interface LogLine {
  /** 1-based, as the log's line numbers (and `?line=N`) count. */
  number: number;
  /** The timestamp GitHub put in front of the line, when there was one. */
  timestamp?: string;
  kind: LogLineKind;
  /** The line without its timestamp and workflow-command marker, escapes still in it. */
  body: string;
  /** For a line inside a group: the number of the group's header line. */
  group?: number;
}

export interface LogModel {
  lines: LogLine[];
  /** Each group header's number, with the number of its last line (the header itself when it is empty). */
  groups: Map<number, number>;
}

const timestampPattern = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z) ?/;
const commandPattern = /^##\[(group|endgroup|error|warning|notice|debug)\]/;

/** Reads one raw line: its timestamp, its kind and its body. */
export function classifyLine(raw: string): Omit<LogLine, 'number' | 'group'> {
  // A carriage return rewrote the line in a terminal (progress bars): keep what the terminal showed last.
  const cr = raw.lastIndexOf('\r', raw.length - 2);
  let rest = cr === -1 ? raw.replace(/\r$/, '') : raw.slice(cr + 1).replace(/\r$/, '');
  const stamp = timestampPattern.exec(rest);
  if (stamp) rest = rest.slice(stamp[0].length);
  const at = stamp?.[1] === undefined ? {} : { timestamp: stamp[1] };
  const command = commandPattern.exec(rest);
  if (command?.[1] !== undefined)
    return { ...at, kind: command[1] as LogLineKind, body: rest.slice(command[0].length) };
  if (rest.startsWith('[command]')) return { ...at, kind: 'command', body: rest.slice('[command]'.length) };
  return { ...at, kind: 'plain', body: rest };
}

/** Splits a log into lines (no empty last line for the final newline) and ties each to its group. */
export function parseLog(text: string): LogModel {
  const raw = text.replace(/^\uFEFF/, '').split('\n');
  if (raw.length > 0 && raw[raw.length - 1] === '') raw.pop();
  const lines: LogLine[] = [];
  const groups = new Map<number, number>();
  let open: number | undefined;
  for (const [index, source] of raw.entries()) {
    const number = index + 1;
    const line: LogLine = { number, ...classifyLine(source) };
    if (line.kind === 'group') {
      // GitHub does not nest groups: a new one closes the one still open.
      open = number;
      groups.set(number, number);
    } else if (open !== undefined) {
      line.group = open;
      groups.set(open, number);
      if (line.kind === 'endgroup') open = undefined;
    }
    lines.push(line);
  }
  return { lines, groups };
}

/**
 * The lines to show, in order: an `##[endgroup]` marker never shows, nor the
 * lines of a collapsed group (its header does).
 */
export function visibleLines(model: LogModel, collapsed: ReadonlySet<number>): LogLine[] {
  return model.lines.filter(
    (line) => line.kind !== 'endgroup' && (line.group === undefined || !collapsed.has(line.group)),
  );
}

/** The first error line, or undefined. */
export function firstError(model: LogModel): LogLine | undefined {
  return model.lines.find((line) => line.kind === 'error');
}

/** Groups open at first: those with an error or warning in them, and the last one while it is still open. */
export function initiallyOpenGroups(model: LogModel): Set<number> {
  const open = new Set<number>();
  for (const line of model.lines)
    if (line.group !== undefined && (line.kind === 'error' || line.kind === 'warning')) open.add(line.group);
  const last = model.lines[model.lines.length - 1];
  if (last?.group !== undefined && last.kind !== 'endgroup') open.add(last.group);
  return open;
}
