// CodeBuild as the UI sees it: projects, builds with their phases, and the
// lines of a build's log. Plain serializable data, no SDK shapes, and never
// the value of an environment variable (RELIABILITY A15).
import type { AwsLocation, Freshness, SourceProblem } from './sources';

export const buildStatuses = ['SUCCEEDED', 'FAILED', 'FAULT', 'TIMED_OUT', 'IN_PROGRESS', 'STOPPED'] as const;
export type BuildStatus = (typeof buildStatuses)[number];

/** A status AWS sent; a value this build does not know is 'unknown' with the raw text kept (RELIABILITY A14). */
export interface BuildStatusValue {
  status: BuildStatus | 'unknown';
  /** Only when `status` is 'unknown': what AWS actually said. */
  rawStatus?: string;
}

export const environmentVariableTypes = ['PLAINTEXT', 'PARAMETER_STORE', 'SECRETS_MANAGER'] as const;
export type EnvironmentVariableType = (typeof environmentVariableTypes)[number];

/**
 * An environment variable of a project or build: its name and type only.
 * The value is never carried, whatever the type: PLAINTEXT values are often
 * secrets in practice, and the others are references the user can look up.
 */
export interface EnvironmentVariableInfo {
  name: string;
  type: EnvironmentVariableType | 'unknown';
}

export const reportStatuses = ['GENERATING', 'SUCCEEDED', 'FAILED', 'INCOMPLETE', 'DELETING'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/**
 * What a finished build's test reports add up to. A test that errored counts
 * as failed; one of unknown outcome counts only in `total`.
 */
export interface TestSummary {
  total: number;
  passed: number;
  failed: number;
  skipped: number;
  durationMs: number;
  /** The reports' status; of several, the one that matters most (FAILED before INCOMPLETE before GENERATING …). */
  status: ReportStatus | 'unknown';
  /** Only when `status` is 'unknown': what AWS actually said. */
  rawStatus?: string;
  /** How many test reports the counts add up (a buildspec can feed several report groups). */
  reports: number;
}

/** Why a phase ended as it did (CodeBuild's phase contexts), blank entries dropped. */
export interface PhaseReason {
  code?: string;
  message: string;
}

export interface BuildPhase extends Partial<BuildStatusValue> {
  /** SUBMITTED, QUEUED, PROVISIONING, …; kept as text because new phases appear over time. */
  type: string;
  startTime?: string;
  endTime?: string;
  durationSeconds?: number;
  reasons: PhaseReason[];
}

export interface LogLocation {
  group: string;
  stream: string;
  /** The CloudWatch console page of the stream. */
  consoleUrl: string;
}

export interface Build extends BuildStatusValue {
  id: string;
  arn: string;
  location: AwsLocation;
  project: string;
  number?: number;
  currentPhase?: string;
  /** True once CodeBuild says the build is over; such a build is never re-read. */
  complete: boolean;
  phases: BuildPhase[];
  /** Who started it: a user name, "codepipeline/<pipeline>", a webhook. */
  initiator?: string;
  /** What was asked for (branch, tag, commit, PR ref) and the commit it resolved to. */
  sourceVersion?: string;
  resolvedSourceVersion?: string;
  startTime?: string;
  endTime?: string;
  log?: LogLocation;
  consoleUrl: string;
  environmentVariables: EnvironmentVariableInfo[];
  /** Names of variables the build exported; their values are not carried. */
  exportedVariableNames: string[];
  /** Once a finished build's test reports have been read; absent for a build that publishes none. */
  tests?: TestSummary;
}

export interface BuildProject {
  name: string;
  arn: string;
  location: AwsLocation;
  description?: string;
  sourceType?: string;
  /** Repository URL or name; absent for CodePipeline-driven projects. */
  sourceLocation?: string;
  created?: string;
  lastModified?: string;
  tags: Record<string, string>;
  environmentVariables: EnvironmentVariableInfo[];
  consoleUrl: string;
}

/** What one read returns: the data (the last good copy when `problem` is set) and per-item problems. */
export type SourceRead<K extends string, T> = Freshness & { problems: SourceProblem[] } & Record<K, T[]>;

/** Recent builds across every project, newest first. */
export type BuildsRead = SourceRead<'builds', Build>;
export type BuildProjectsRead = SourceRead<'projects', BuildProject>;

export interface LogLine {
  timestamp: string;
  message: string;
}

/**
 * 'no-log-yet': the stream does not exist (the build has not started
 * logging); 'open': more lines may come; 'ended': the build is over and
 * every line has been read.
 */
export type LogState = 'no-log-yet' | 'open' | 'ended';

/** The text to show for a status, known or not. */
export function buildStatusLabel(value: Partial<BuildStatusValue>): string {
  if (value.status === undefined) return 'unknown';
  return value.status === 'unknown' ? `unknown (${value.rawStatus ?? '?'})` : value.status;
}
