// One AWS call, and what it means when it fails: the SDK error becomes a
// SourceProblem naming the IAM action the call needed, thrown as a
// ProblemError so a read can stop and keep its last good copy, or returned
// as a Result for an action the user asked for.
import { fail, ok, type Result } from '../../../shared/result';
import type { SourceProblem } from '../../../shared/sources';
import { awsProblem } from './problems';

export class ProblemError extends Error {
  constructor(
    readonly problem: SourceProblem,
    cause: unknown,
  ) {
    super(problem.message, { cause });
    this.name = 'ProblemError';
  }
}

/** Runs one call (or one paginated walk); a failure is thrown as a ProblemError about `action` on `resource`. */
export async function attempt<T>(
  action: string,
  resource: string | undefined,
  call: () => Promise<T>,
  now?: () => Date,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    throw new ProblemError(classify(error, action, resource ?? deniedResource(error), now), error);
  }
}

/** awsProblem, plus "not found" for the services' own missing-resource errors (a deleted repository, project, …). */
function classify(error: unknown, action: string, resource: string | undefined, now?: () => Date): SourceProblem {
  const problem = awsProblem(error, action, resource, now);
  const name = error instanceof Error ? error.name : '';
  const missing = /DoesNotExistException$|^ResourceNotFoundException$/.test(name);
  return missing && problem.code === 'internal' ? { ...problem, code: 'not-found' } : problem;
}

/** A batch call has no one resource of its own; AWS's access-denied message names the one it refused. */
function deniedResource(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : '';
  const resource = /not authorized to perform:? \S+ on resource:? (\S+)/i.exec(message)?.[1];
  return resource === '*' ? undefined : resource;
}

/** The problem a read should report for whatever it caught. */
export function problemOf(error: unknown, action: string, now?: () => Date): SourceProblem {
  return error instanceof ProblemError ? error.problem : classify(error, action, undefined, now);
}

/** An action's outcome as data (STYLE habit 3): the value, or the problem with its code. */
export async function actionResult<T>(action: string, resource: string, call: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await call());
  } catch (error) {
    const { code, message, missingPermission, retryAt } = problemOf(error, action);
    return fail(code, message, {
      ...(missingPermission !== undefined ? { missingPermission } : {}),
      ...(retryAt !== undefined ? { retryAt } : {}),
    });
  }
}
