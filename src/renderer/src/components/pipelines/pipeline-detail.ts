// What the pipeline page decides from the snapshot: which execution can be
// stopped, which stages retried, where an action's run links to, and the
// words for a command CodePipeline refused. Pure: tested in Node.
import {
  type ActionCategory,
  type ActionDetail,
  enumLabel,
  type Known,
  type PipelineExecution,
  type StageDetail,
} from '../../../../shared/pipelines';
import { awsArn } from '../../../../shared/project-resources';
import { buildId, type Snapshot, type SnapshotResource } from '../../../../shared/snapshot';
import type { AwsLocation } from '../../../../shared/sources';
import { buildHref } from '../../route-paths';

export const shortId = (id: string): string => id.slice(0, 8);

const running = (status: unknown): boolean => status === 'InProgress' || status === 'Stopping';

/** The execution "Stop execution…" stops: the newest one the snapshot shows running. */
export function stoppableExecution(resource: SnapshotResource<'pipeline'>): PipelineExecution | undefined {
  return resource.data.executions?.find((e) => running(e.status));
}

/** A stage whose latest run failed or was stopped: CodePipeline can retry it for that execution. */
export function retryableExecution(stage: StageDetail): string | undefined {
  const latest = stage.latestExecution;
  return latest && (latest.status === 'Failed' || latest.status === 'Stopped') ? latest.pipelineExecutionId : undefined;
}

/** How long an execution ran (until now while it runs); undefined without a start. */
export function executionDurationMs(execution: PipelineExecution, now: number): number | undefined {
  if (execution.startTime === undefined) return undefined;
  const end = running(execution.status) ? now : Date.parse(execution.lastUpdateTime ?? execution.startTime);
  const ms = end - Date.parse(execution.startTime);
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}

export interface ActionLink {
  href: string;
  label: string;
  /** Opens inside Starboard (a build page, the approvals inbox). */
  internal: boolean;
}

const categoryOf = (category: Known<ActionCategory> | undefined): string | undefined =>
  typeof category === 'string' ? category : undefined;

/**
 * Where an action's run is shown: a CodeBuild build Starboard read opens its
 * page, an approval the inbox; anything else the provider's own page.
 */
export function actionLink(
  action: Pick<ActionDetail, 'category' | 'provider' | 'externalExecutionId' | 'externalExecutionUrl'>,
  location: Pick<AwsLocation, 'accountId' | 'region'>,
  snapshot: Snapshot,
): ActionLink | undefined {
  if (categoryOf(action.category) === 'Approval') return { href: '#/approvals', label: 'Approvals', internal: true };
  if (action.provider === 'CodeBuild' && action.externalExecutionId !== undefined) {
    const id = buildId(awsArn(location, 'codebuild', `build/${action.externalExecutionId}`));
    if (snapshot.resources[id]) return { href: buildHref(id), label: 'Build', internal: true };
  }
  if (action.externalExecutionUrl !== undefined)
    return { href: action.externalExecutionUrl, label: action.provider ?? 'Details', internal: false };
  return undefined;
}

/** A refused command in words: what happened, which IAM action is missing, and that nothing changed. */
/** CodePipeline's word in sentence case ("InProgress" → "In progress"); unknown values as they came. */
export function statusWord(value: Known<string> | undefined): string {
  const label = enumLabel(value);
  if (label.startsWith('unknown')) return label;
  const spaced = label.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
