// Who is in a stage and who waits for it, by execution mode, and which
// execution the "latest" slots of GetPipelineState show.
import type { ActionExecution, Execution, Pipeline } from './pipeline-model';

/**
 * Queues the execution at a stage another one holds. In SUPERSEDED mode it
 * replaces whoever waited there: their ids are returned, to be superseded.
 */
export function enqueue(pipeline: Pipeline, execution: Execution, stageName: string): string[] {
  const queue = pipeline.waiting.get(stageName) ?? [];
  const replaced = execution.executionMode === 'SUPERSEDED' ? queue : [];
  const kept = queue.filter((id) => !replaced.includes(id));
  pipeline.waiting.set(stageName, [...kept, execution.id]);
  return replaced;
}

/** Takes the execution out of any stage queue; says whether it was waiting. */
export function dequeue(pipeline: Pipeline, executionId: string): boolean {
  let found = false;
  for (const [stage, ids] of pipeline.waiting) {
    if (!ids.includes(executionId)) continue;
    found = true;
    const rest = ids.filter((id) => id !== executionId);
    if (rest.length > 0) pipeline.waiting.set(stage, rest);
    else pipeline.waiting.delete(stage);
  }
  return found;
}

/**
 * Whether the execution may take over a "latest" slot now held by `holderId`.
 * In PARALLEL mode an older execution finishing later never hides the newest one.
 */
export function isNewest(pipeline: Pipeline, execution: Execution, holderId: string | undefined): boolean {
  if (execution.executionMode !== 'PARALLEL' || holderId === undefined || holderId === execution.id) return true;
  const rank = (id: string): number => pipeline.executions.findIndex((e) => e.id === id);
  const held = rank(holderId);
  return held === -1 || rank(execution.id) < held;
}

/** The newest run of an action within one execution (a stage retry makes a new one). */
export function latestRun(execution: Execution, stageName: string, actionName: string): ActionExecution | undefined {
  return execution.actionExecutions.findLast((ae) => ae.stageName === stageName && ae.action.name === actionName);
}
