// CodeDeploy's SDK shapes turned into the shared model at the edge: groups,
// deployments, revisions, and each target's appspec hooks in the order
// CodeDeploy runs them. A value this build does not know is kept as
// { unknown: raw } (RELIABILITY A14), never dropped.
import { createHash } from 'node:crypto';
import type {
  DeploymentGroupInfo,
  DeploymentInfo,
  DeploymentTarget,
  LastDeploymentInfo,
  LifecycleEvent as SdkLifecycleEvent,
  RevisionLocation,
} from '@aws-sdk/client-codedeploy';
import type { Known } from '../../../../shared/pipelines';
import {
  type CodeDeployDeployment,
  type CodeDeployGroup,
  type CodeDeployGroupDeploymentRef,
  type CodeDeployRevision,
  type CodeDeployStatus,
  type CodeDeployTarget,
  codeDeployPlatforms,
  codeDeployRevisionTypes,
  codeDeployStatuses,
  codeDeployTargetStatuses,
  type LifecycleEvent,
  lifecycleEventStatuses,
} from '../../../../shared/deployments';
import { iso, optional } from '../model-edge';

const seenUnknown = new Set<string>();

/** `raw` when it is one of `known`; otherwise { unknown: raw }, noted once per value. */
export function known<T extends string>(raw: string | undefined, values: readonly T[], kind: string): Known<T> {
  if (raw !== undefined && (values as readonly string[]).includes(raw)) return raw as T;
  const text = raw ?? '';
  if (!seenUnknown.has(`${kind}:${text}`)) {
    seenUnknown.add(`${kind}:${text}`);
    console.warn(`CodeDeploy sent an unknown ${kind} "${text}"; shown as unknown.`);
  }
  return { unknown: text };
}

const eventStatuses = lifecycleEventStatuses;
const targetStatuses = codeDeployTargetStatuses;
const platforms = codeDeployPlatforms;
const revisionTypes = codeDeployRevisionTypes;

export const activeStatuses = ['Created', 'Queued', 'InProgress', 'Baking', 'Ready'] as const;

/** True while CodeDeploy may still change the deployment (an unknown status counts as active: read it again). */
export function isActive(status: Known<CodeDeployStatus>): boolean {
  return typeof status !== 'string' || (activeStatuses as readonly string[]).includes(status);
}

/**
 * Every hook CodeDeploy knows, in the order it runs them: EC2/on-premises
 * in-place (with traffic blocked and allowed around it behind a load
 * balancer), blue/green, and the Lambda/ECS hooks that share those names.
 */
export const lifecycleOrder = [
  'Start',
  'BeforeBlockTraffic',
  'BlockTraffic',
  'AfterBlockTraffic',
  'ApplicationStop',
  'DownloadBundle',
  'BeforeInstall',
  'Install',
  'AfterInstall',
  'AllowTestTraffic',
  'AfterAllowTestTraffic',
  'ApplicationStart',
  'ValidateService',
  'BeforeAllowTraffic',
  'AllowTraffic',
  'AfterAllowTraffic',
  'End',
] as const;

/** Sorts hooks into CodeDeploy's order; a hook this build does not know stays right after the one AWS sent before it. */
export function inLifecycleOrder<T extends { name: string }>(events: readonly T[]): T[] {
  const order = lifecycleOrder as readonly string[];
  let previous = -1;
  const ranked = events.map((event, index) => {
    const rank = order.indexOf(event.name);
    if (rank >= 0) previous = rank;
    return { event, rank: rank >= 0 ? rank : previous + 0.5, index };
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.index - b.index).map((r) => r.event);
}

export function toRevision(r: RevisionLocation | undefined): CodeDeployRevision | undefined {
  if (!r?.revisionType) return undefined;
  const type = known(r.revisionType, revisionTypes, 'revision type');
  switch (r.revisionType) {
    case 'S3': {
      const s3 = r.s3Location ?? {};
      const suffix = s3.version ? `?versionId=${s3.version}` : s3.eTag ? `#${s3.eTag}` : '';
      return { type, location: `s3://${s3.bucket ?? ''}/${s3.key ?? ''}${suffix}` };
    }
    case 'GitHub': {
      const gh = r.gitHubLocation ?? {};
      return {
        type,
        location: `${gh.repository ?? ''}@${gh.commitId ?? ''}`,
        ...optional('commitId', gh.commitId),
      };
    }
    case 'String':
      // Deprecated in favour of AppSpecContent, but older deployments still carry it.
      return { type, location: contentHash((r as { string?: InlineContent }).string) };
    case 'AppSpecContent':
      return { type, location: contentHash(r.appSpecContent) };
    default:
      return { type, location: '' };
  }
}

/** The SHA-256 CodeDeploy gives for inline content, or one computed from the content when it gives none. */
interface InlineContent {
  content?: string | undefined;
  sha256?: string | undefined;
}

function contentHash(c: InlineContent | undefined): string {
  if (c?.sha256) return c.sha256;
  return c?.content === undefined ? '' : createHash('sha256').update(c.content).digest('hex');
}

function ref(info: LastDeploymentInfo | undefined): CodeDeployGroupDeploymentRef | undefined {
  if (!info?.deploymentId) return undefined;
  return {
    deploymentId: info.deploymentId,
    status: known(info.status, codeDeployStatuses, 'deployment status'),
    ...optional('endTime', iso(info.endTime)),
    ...optional('createTime', iso(info.createTime)),
  };
}

export function groupArn(region: string, accountId: string, application: string, group: string): string {
  return `arn:aws:codedeploy:${region}:${accountId}:deploymentgroup:${application}/${group}`;
}

export function toGroup(g: DeploymentGroupInfo, region: string, accountId: string): CodeDeployGroup {
  const application = g.applicationName ?? '';
  const name = g.deploymentGroupName ?? '';
  const targetRevision = toRevision(g.targetRevision);
  const lastAttempted = ref(g.lastAttemptedDeployment);
  const lastSuccessful = ref(g.lastSuccessfulDeployment);
  return {
    arn: groupArn(region, accountId, application, name),
    application,
    name,
    // CodeDeploy leaves the platform out for groups made before Lambda and ECS existed: those are Server.
    computePlatform: known(g.computePlatform ?? 'Server', platforms, 'compute platform'),
    ...optional('deploymentConfigName', g.deploymentConfigName),
    ...(targetRevision ? { targetRevision } : {}),
    ...(lastAttempted ? { lastAttempted } : {}),
    ...(lastSuccessful ? { lastSuccessful } : {}),
  };
}

export function toDeployment(d: DeploymentInfo): CodeDeployDeployment {
  const revision = toRevision(d.revision);
  const o = d.deploymentOverview;
  const rollback = d.rollbackInfo;
  const error = d.errorInformation;
  return {
    id: d.deploymentId ?? '',
    application: d.applicationName ?? '',
    group: d.deploymentGroupName ?? '',
    status: known(d.status, codeDeployStatuses, 'deployment status'),
    ...optional('creator', d.creator),
    ...optional('description', d.description),
    createdAt: iso(d.createTime) ?? '',
    ...optional('startedAt', iso(d.startTime)),
    ...optional('completedAt', iso(d.completeTime)),
    ...(revision ? { revision } : {}),
    ...(error?.code || error?.message
      ? { error: { ...optional('code', error.code), ...optional('message', error.message) } }
      : {}),
    ...(o
      ? {
          overview: {
            pending: o.Pending ?? 0,
            inProgress: o.InProgress ?? 0,
            succeeded: o.Succeeded ?? 0,
            failed: o.Failed ?? 0,
            skipped: o.Skipped ?? 0,
            ready: o.Ready ?? 0,
          },
        }
      : {}),
    ...(rollback?.rollbackDeploymentId || rollback?.rollbackTriggeringDeploymentId || rollback?.rollbackMessage
      ? {
          rollback: {
            ...optional('rollbackDeploymentId', rollback.rollbackDeploymentId),
            ...optional('rollbackTriggeringDeploymentId', rollback.rollbackTriggeringDeploymentId),
            ...optional('message', rollback.rollbackMessage),
          },
        }
      : {}),
  };
}

function toEvent(e: SdkLifecycleEvent): LifecycleEvent {
  const d = e.diagnostics;
  // A hook that went well says errorCode "Success" with an empty log: nothing to show.
  const worth = d && (d.errorCode !== 'Success' || (d.logTail ?? '') !== '');
  const diagnostics = worth
    ? {
        ...optional('errorCode', d.errorCode),
        ...optional('scriptName', d.scriptName),
        ...optional('message', d.message),
        ...optional('logTail', d.logTail),
      }
    : {};
  return {
    name: e.lifecycleEventName ?? '',
    status: known(e.status, eventStatuses, 'lifecycle event status'),
    ...optional('startedAt', iso(e.startTime)),
    ...optional('endedAt', iso(e.endTime)),
    ...(Object.keys(diagnostics).length > 0 ? { diagnostics } : {}),
  };
}

type AnyTarget = NonNullable<
  | DeploymentTarget['instanceTarget']
  | DeploymentTarget['lambdaTarget']
  | DeploymentTarget['ecsTarget']
  | DeploymentTarget['cloudFormationTarget']
>;

export function toTarget(t: DeploymentTarget): CodeDeployTarget | undefined {
  const [kind, inner]: [CodeDeployTarget['kind'], AnyTarget | undefined] = t.instanceTarget
    ? ['instance', t.instanceTarget]
    : t.lambdaTarget
      ? ['lambda', t.lambdaTarget]
      : t.ecsTarget
        ? ['ecs', t.ecsTarget]
        : t.cloudFormationTarget
          ? ['cloudformation', t.cloudFormationTarget]
          : [{ unknown: t.deploymentTargetType ?? '' }, undefined];
  if (!inner?.targetId) return undefined;
  return {
    id: inner.targetId,
    kind,
    status: known(inner.status, targetStatuses, 'target status'),
    ...optional('lastUpdatedAt', iso(inner.lastUpdatedAt)),
    lifecycle: inLifecycleOrder((inner.lifecycleEvents ?? []).map(toEvent)),
  };
}
