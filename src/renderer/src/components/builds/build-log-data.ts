// A build's log as the window holds it: every line read so far (up to a
// cap, the head dropped first), and how the hub's answers add to it.
import type { BuildLogView } from '../../../../shared/aws-commands';
import type { LogLine } from '../../../../shared/builds';
import type { ContractError } from '../../../../shared/result';

/** Lines kept per log in the window (the hub keeps as many); the head goes first. */
export const maxLogLines = 200_000;
export interface BuildLogData {
  buildArn: string;
  /** Lines dropped from the head (by the hub or here); line N of `lines` is line droppedLines + N + 1 of the log. */
  droppedLines: number;
  lines: LogLine[];
  /** Lines the hub has read in all. */
  total: number;
  state: BuildLogView['state'];
  problem?: ContractError;
}

/** Adds what the hub answered to what the window holds; a gap (the hub dropped or started over) replaces it. */
export function mergeLog(current: BuildLogData | undefined, view: BuildLogView, cap = maxLogLines): BuildLogData {
  const end = current ? current.droppedLines + current.lines.length : 0;
  const contiguous = current !== undefined && view.from === end;
  const lines = contiguous ? [...current.lines, ...view.lines] : [...view.lines];
  let dropped = contiguous ? current.droppedLines : view.from;
  const over = lines.length - cap;
  if (over > 0) {
    lines.splice(0, over);
    dropped += over;
  }
  return {
    buildArn: view.buildArn,
    droppedLines: dropped,
    lines,
    total: view.total,
    state: view.state,
    ...(view.problem ? { problem: view.problem } : {}),
  };
}

/**
 * Lines of a CodeBuild log that say something failed. The log viewer knows
 * GitHub's `##[error]` marker; CodeBuild has none, so these lines get it.
 */
const errorPattern =
  /Command did not exit successfully|Phase complete: \S+ State: (FAILED|FAULT|TIMED_OUT)|\bnpm ERR!|^\s*(FAIL|ERROR)\b|^\s*Error:|^\s*\[ERROR\]/;

export function isErrorLine(message: string): boolean {
  return errorPattern.test(message);
}

/** The log as the viewer reads it: one line each, its timestamp first, failures marked as errors. */
export function logText(lines: readonly LogLine[]): string {
  return lines
    .map(
      (l) => `${l.timestamp} ${isErrorLine(l.message) && !l.message.startsWith('##[') ? '##[error]' : ''}${l.message}`,
    )
    .join('\n');
}
