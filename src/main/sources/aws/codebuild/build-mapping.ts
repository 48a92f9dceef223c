// CodeBuild's SDK shapes turned into the shared model at the edge. The one
// rule that matters most here: environment variable values never leave this
// file, not even into a log line (RELIABILITY A15).
import type {
  Build as SdkBuild,
  BuildPhase as SdkPhase,
  EnvironmentVariable,
  Project as SdkProject,
} from '@aws-sdk/client-codebuild';
import {
  type Build,
  type BuildPhase,
  type BuildProject,
  type BuildStatusValue,
  buildStatuses,
  type EnvironmentVariableInfo,
  environmentVariableTypes,
  type LogLocation,
} from '../../../../shared/builds';
import type { AwsLocation } from '../../../../shared/sources';
import { consoleLinks } from '../console-links';
import { iso, optional } from '../model-edge';

const seenUnknown = new Set<string>();

/** A new enum value is worth one line in the log, not one per refresh (RELIABILITY A14). */
function noteUnknown(kind: string, value: string): void {
  const key = `${kind}:${value}`;
  if (seenUnknown.has(key)) return;
  seenUnknown.add(key);
  console.warn(`CodeBuild sent an unknown ${kind} "${value}"; shown as unknown.`);
}

/** `raw` when it is one of `known`; otherwise 'unknown' with the raw text kept. */
export function enumValue<T extends string>(
  raw: string | undefined,
  known: readonly T[],
  kind: string,
): { status: T | 'unknown'; rawStatus?: string } {
  if (raw !== undefined && (known as readonly string[]).includes(raw)) return { status: raw as T };
  const rawStatus = raw ?? '';
  noteUnknown(kind, rawStatus);
  return { status: 'unknown', rawStatus };
}

export function statusValue(raw: string | undefined, kind = 'build status'): BuildStatusValue {
  return enumValue(raw, buildStatuses, kind);
}

/** Names and types only: the value is dropped here, whatever the type. */
export function variableInfo(variables: readonly EnvironmentVariable[] | undefined): EnvironmentVariableInfo[] {
  return (variables ?? []).flatMap(({ name, type }) =>
    name
      ? [
          {
            name,
            type:
              type === undefined
                ? 'PLAINTEXT' // CodeBuild's default when a variable has no type
                : (environmentVariableTypes as readonly string[]).includes(type)
                  ? type
                  : 'unknown',
          },
        ]
      : [],
  );
}

function phase(p: SdkPhase): BuildPhase {
  const reasons = (p.contexts ?? [])
    .filter((c) => (c.message ?? '') !== '' || (c.statusCode ?? '') !== '')
    .map((c) => ({
      ...(c.statusCode ? { code: c.statusCode } : {}),
      message: c.message ?? '',
    }));
  return {
    type: p.phaseType ?? 'UNKNOWN',
    ...(p.phaseStatus !== undefined ? statusValue(p.phaseStatus, 'phase status') : {}),
    ...optional('startTime', iso(p.startTime)),
    ...optional('endTime', iso(p.endTime)),
    ...optional('durationSeconds', p.durationInSeconds),
    reasons,
  };
}

function logLocation(b: SdkBuild, region: string): LogLocation | undefined {
  const group = b.logs?.groupName;
  const stream = b.logs?.streamName;
  if (!group || !stream) return undefined;
  return { group, stream, consoleUrl: consoleLinks.logStream(region, group, stream) };
}

/** The project name of a build id ("project:uuid"). */
export function projectOfBuildId(id: string): string {
  const colon = id.lastIndexOf(':');
  return colon < 0 ? id : id.slice(0, colon);
}

export function toBuild(b: SdkBuild, location: AwsLocation): Build {
  const id = b.id ?? '';
  const status = statusValue(b.buildStatus);
  const log = logLocation(b, location.region);
  return {
    id,
    arn: b.arn ?? '',
    location,
    project: b.projectName ?? projectOfBuildId(id),
    ...optional('number', b.buildNumber),
    ...status,
    ...optional('currentPhase', b.currentPhase),
    complete: b.buildComplete ?? status.status !== 'IN_PROGRESS',
    phases: (b.phases ?? []).map(phase),
    ...optional('initiator', b.initiator),
    ...optional('sourceVersion', b.sourceVersion),
    ...optional('resolvedSourceVersion', b.resolvedSourceVersion),
    ...optional('startTime', iso(b.startTime)),
    ...optional('endTime', iso(b.endTime)),
    ...(log ? { log } : {}),
    consoleUrl: consoleLinks.build(location.region, location.accountId, id),
    environmentVariables: variableInfo(b.environment?.environmentVariables),
    exportedVariableNames: (b.exportedEnvironmentVariables ?? []).flatMap((v) => (v.name ? [v.name] : [])),
  };
}

export function toProject(p: SdkProject, location: AwsLocation): BuildProject {
  const name = p.name ?? '';
  return {
    name,
    arn: p.arn ?? '',
    location,
    ...optional('description', p.description),
    ...optional('sourceType', p.source?.type),
    ...optional('sourceLocation', p.source?.location),
    ...optional('created', iso(p.created)),
    ...optional('lastModified', iso(p.lastModified)),
    tags: Object.fromEntries((p.tags ?? []).flatMap((t) => (t.key ? [[t.key, t.value ?? '']] : []))),
    environmentVariables: variableInfo(p.environment?.environmentVariables),
    consoleUrl: consoleLinks.buildProject(location.region, location.accountId, name),
  };
}
