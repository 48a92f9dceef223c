// How the CodePipeline source reports a call: as data, the value or a
// SourceProblem about the pipeline it concerned, so one pipeline's failure
// never hides the others (issue 4). Paging and fan-out live in ../batching.
import type { SourceProblem } from '../../../../shared/sources';
import { awsProblem } from '../problems';

export type SourceResult<T> = { ok: true; value: T } | { ok: false; error: SourceProblem };

/** Runs one AWS call (or one paginated walk); `iamAction` is named when the caller lacks it. */
export async function tryCall<T>(
  iamAction: string,
  resource: string,
  call: () => Promise<T>,
): Promise<SourceResult<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, error: awsProblem(error, iamAction, resource) };
  }
}

/** Flattens the pages of a successful walk into items. */
export function mapPages<P, T>(result: SourceResult<P[]>, items: (page: P) => T[]): SourceResult<T[]> {
  return result.ok ? { ok: true, value: result.value.flatMap(items) } : result;
}
