// Turns what a source read reports (SourceProblems, whole or per item) into
// the one outcome the scheduler acts on.
import type { SourceProblem } from '../../../shared/sources';
import type { CadenceClass, RunOutcome } from './types';

type Problem = Pick<SourceProblem, 'code' | 'message' | 'retryAt'>;

export interface ReadReport {
  /** The class the data read calls for, e.g. 'running' when a build or execution is in progress. */
  cadence: CadenceClass;
  /** Set when the read failed as a whole (the source kept its last good copy). */
  problem?: Problem;
  /** Problems with single items while the rest was read. */
  problems?: readonly Problem[];
}

/**
 * A throttled or offline call anywhere in the read says the same of the whole
 * lane or network, so it wins over partial success; expired credentials win
 * over everything (nothing else will work until a new sign-in). A per-item
 * problem of another kind (access denied on one pipeline, a missing
 * repository) is the item's business: the read still counts as ok.
 */
export function outcomeFromProblems({ cadence, problem, problems = [] }: ReadReport): RunOutcome {
  const all = problem ? [problem, ...problems] : problems;
  if (all.some((p) => p.code === 'credentials-expired')) return { kind: 'credentials-expired' };
  const throttled = all.filter((p) => p.code === 'throttled');
  if (throttled.length > 0) {
    const retryAts = throttled.map((p) => (p.retryAt ? Date.parse(p.retryAt) : Number.NaN)).filter(Number.isFinite);
    return retryAts.length > 0 ? { kind: 'throttled', retryAt: Math.max(...retryAts) } : { kind: 'throttled' };
  }
  if (all.some((p) => p.code === 'offline')) return { kind: 'offline' };
  if (problem) return { kind: 'error', message: problem.message };
  return { kind: 'ok', cadence };
}
