// CodeBuild projects, builds and their test reports. A build walks the
// agent's phases on the scheduler and writes its log as it goes; whether it
// fails is decided when it starts (the project's failNext counter, then its
// failure rate). Its test report says what its log says.
import { containerTime, seconds, type WorldContext } from './context';

export const buildPhases = [
  'SUBMITTED',
  'QUEUED',
  'PROVISIONING',
  'DOWNLOAD_SOURCE',
  'INSTALL',
  'PRE_BUILD',
  'BUILD',
  'POST_BUILD',
  'UPLOAD_ARTIFACTS',
  'FINALIZING',
  'COMPLETED',
] as const;
export type BuildPhaseType = (typeof buildPhases)[number];
export type BuildStatus = 'SUCCEEDED' | 'FAILED' | 'FAULT' | 'TIMED_OUT' | 'IN_PROGRESS' | 'STOPPED';

/** Seconds each phase takes: [min, max]. */
const phaseSeconds: Partial<Record<BuildPhaseType, [number, number]>> = {
  SUBMITTED: [0, 1],
  QUEUED: [1, 5],
  PROVISIONING: [8, 30],
  DOWNLOAD_SOURCE: [2, 10],
  INSTALL: [15, 60],
  PRE_BUILD: [3, 15],
  BUILD: [40, 240],
  POST_BUILD: [1, 8],
  UPLOAD_ARTIFACTS: [1, 8],
  FINALIZING: [1, 4],
};

export interface FailingTest {
  file: string;
  name: string;
  error: string;
}

export type EnvironmentVariableType = 'PLAINTEXT' | 'PARAMETER_STORE' | 'SECRETS_MANAGER';

/** As CodeBuild holds it: a PLAINTEXT value is the value itself, the others name a parameter or a secret. */
export interface EnvironmentVariable {
  name: string;
  value: string;
  type: EnvironmentVariableType;
}

export type ReportStatus = 'GENERATING' | 'SUCCEEDED' | 'FAILED' | 'INCOMPLETE' | 'DELETING';

/** One build's run of a project's test report group (CodeBuild reports of type TEST). */
export interface TestReport {
  arn: string;
  groupName: string;
  groupArn: string;
  buildArn: string;
  status: ReportStatus;
  created: number;
  statusCounts: { SUCCEEDED: number; FAILED: number; SKIPPED: number; ERROR: number; UNKNOWN: number };
  durationInNanoSeconds: number;
}

export interface BuildProject {
  name: string;
  arn: string;
  description: string;
  source: { type: 'CODEPIPELINE' | 'CODECOMMIT' | 'GITHUB' | 'NO_SOURCE'; location?: string };
  created: number;
  lastModified: number;
  tags: Record<string, string>;
  buildCounter: number;
  /** The next this-many builds fail. */
  failNext: number;
  failureRate: number;
  tests: { passed: number; skipped: number; failing: FailingTest };
  environmentVariables: EnvironmentVariable[];
  /** Variables the buildspec exports (`env: exported-variables`); their values are set as the build ends. */
  exportedVariables: string[];
  /** The report group the buildspec's `reports` section feeds; undefined when the project publishes no test report. */
  reportGroup?: string;
}

export interface BuildPhase {
  phaseType: BuildPhaseType;
  phaseStatus?: 'SUCCEEDED' | 'FAILED' | 'STOPPED';
  startTime: number;
  endTime?: number;
  durationInSeconds?: number;
  contexts?: { statusCode: string; message: string }[];
}

export interface Build {
  id: string;
  arn: string;
  buildNumber: number;
  projectName: string;
  startTime: number;
  endTime?: number;
  buildStatus: BuildStatus;
  phases: BuildPhase[];
  sourceVersion?: string;
  resolvedSourceVersion: string;
  initiator: string;
  logGroup: string;
  logStream: string;
  fails: boolean;
  environmentVariables: EnvironmentVariable[];
  exportedVariables: { name: string; value: string }[];
  reportArns: string[];
  /** Bumped on stop so that already-scheduled phase ends are ignored. */
  step: number;
  onComplete?: (build: Build) => void;
}

export interface StartBuildOptions {
  sourceVersion?: string;
  resolvedSourceVersion?: string;
  initiator: string;
  onComplete?: (build: Build) => void;
}

export type ProjectInit = Partial<Omit<BuildProject, 'name' | 'arn' | 'tests' | 'reportGroup'>> & {
  tests?: Omit<BuildProject['tests'], 'skipped'> & { skipped?: number };
  /** The report group its buildspec's `reports` section feeds (default NAME-test-results); false for none. */
  reportGroup?: string | false;
};

export class CodeBuildWorld {
  readonly projects = new Map<string, BuildProject>();
  readonly builds = new Map<string, Build>();
  /** Every build id in start order; ListBuilds reads it backwards. */
  readonly buildOrder: string[] = [];
  /** Test reports by ARN. */
  readonly reports = new Map<string, TestReport>();
  /** Report ids come from their own source, so adding reports moves nothing else in a seeded world. */
  readonly #reportRandom: WorldContext['random'];

  constructor(private readonly ctx: WorldContext) {
    this.#reportRandom = ctx.random.fork('codebuild-reports');
  }

  addProject(name: string, init: ProjectInit = {}): BuildProject {
    const now = this.ctx.scheduler.now();
    const { tests, reportGroup, ...rest } = init;
    const project: BuildProject = {
      name,
      arn: `arn:aws:codebuild:${this.ctx.region}:${this.ctx.account}:project/${name}`,
      description: rest.description ?? `Builds and tests ${name}`,
      source: rest.source ?? { type: 'CODEPIPELINE' },
      created: rest.created ?? now,
      lastModified: rest.lastModified ?? rest.created ?? now,
      tags: rest.tags ?? {},
      buildCounter: 0,
      failNext: rest.failNext ?? 0,
      failureRate: rest.failureRate ?? 0,
      tests: {
        passed: tests?.passed ?? 48,
        skipped: tests?.skipped ?? 0,
        failing: tests?.failing ?? {
          file: 'test/app.test.ts',
          name: 'app > starts',
          error: 'AssertionError: expected false to be true',
        },
      },
      environmentVariables: rest.environmentVariables ?? defaultEnvironment(name),
      exportedVariables: rest.exportedVariables ?? [],
      ...(reportGroup === false ? {} : { reportGroup: reportGroup ?? `${name}-test-results` }),
    };
    this.projects.set(name, project);
    return project;
  }

  start(projectName: string, options: StartBuildOptions): Build {
    const project = this.projects.get(projectName);
    if (!project) throw new Error(`no CodeBuild project ${projectName}`);
    const uuid = this.ctx.random.uuid();
    const id = `${projectName}:${uuid}`;
    const fails = project.failNext > 0 || this.ctx.random.chance(project.failureRate);
    if (project.failNext > 0) project.failNext -= 1;
    const build: Build = {
      id,
      arn: `arn:aws:codebuild:${this.ctx.region}:${this.ctx.account}:build/${id}`,
      buildNumber: ++project.buildCounter,
      projectName,
      startTime: this.ctx.scheduler.now(),
      buildStatus: 'IN_PROGRESS',
      phases: [],
      resolvedSourceVersion: options.resolvedSourceVersion ?? this.ctx.random.hex(40),
      initiator: options.initiator,
      logGroup: `/aws/codebuild/${projectName}`,
      logStream: uuid,
      fails,
      environmentVariables: project.environmentVariables.map((v) => ({ ...v })),
      exportedVariables: [],
      reportArns: [],
      step: 0,
      ...(options.sourceVersion !== undefined ? { sourceVersion: options.sourceVersion } : {}),
      ...(options.onComplete ? { onComplete: options.onComplete } : {}),
    };
    this.builds.set(id, build);
    this.buildOrder.push(id);
    this.#enter(build, 0);
    return build;
  }

  stop(build: Build): void {
    if (build.buildStatus !== 'IN_PROGRESS') return;
    build.step += 1;
    const current = build.phases.at(-1);
    if (current) this.#endPhase(build, current, 'STOPPED');
    build.buildStatus = 'STOPPED';
    this.#enter(build, buildPhases.indexOf('FINALIZING'));
  }

  #enter(build: Build, index: number): void {
    const phaseType = buildPhases[index];
    if (!phaseType) return;
    const now = this.ctx.scheduler.now();
    const phase: BuildPhase = { phaseType, startTime: now };
    build.phases.push(phase);
    if (phaseType === 'COMPLETED') {
      if (build.buildStatus === 'IN_PROGRESS') build.buildStatus = build.fails ? 'FAILED' : 'SUCCEEDED';
      build.endTime = now;
      this.#finish(build);
      build.onComplete?.(build);
      return;
    }
    this.#log(build, now, `Entering phase ${phaseType}`);
    const [min, max] = phaseSeconds[phaseType] ?? [1, 1];
    const step = build.step;
    const duration = this.ctx.random.int(min, max) * seconds + this.ctx.random.int(0, 999);
    this.ctx.scheduler.after(duration, () => {
      if (build.step !== step) return;
      this.#writePhaseOutput(build, phase);
      const failed = phaseType === 'BUILD' && build.fails;
      this.#endPhase(build, phase, failed ? 'FAILED' : 'SUCCEEDED');
      this.#enter(build, index + 1);
    });
  }

  #endPhase(build: Build, phase: BuildPhase, status: 'SUCCEEDED' | 'FAILED' | 'STOPPED'): void {
    const now = this.ctx.scheduler.now();
    phase.endTime = now;
    phase.durationInSeconds = Math.floor((now - phase.startTime) / 1000);
    phase.phaseStatus = status;
    if (status === 'FAILED') {
      phase.contexts = [
        {
          statusCode: 'COMMAND_EXECUTION_ERROR',
          message: 'Error while executing command: npm test. Reason: exit status 1',
        },
      ];
    } else if (phase.phaseType !== 'SUBMITTED' && phase.phaseType !== 'QUEUED') {
      phase.contexts = [{ statusCode: '', message: '' }];
    }
    this.#log(build, now, `Phase complete: ${phase.phaseType} State: ${status}`);
  }

  #writePhaseOutput(build: Build, phase: BuildPhase): void {
    const project = this.projects.get(build.projectName);
    const now = this.ctx.scheduler.now();
    const print = (line: string): void => this.ctx.logs.write(build.logGroup, build.logStream, now, line);
    if (phase.phaseType === 'INSTALL') {
      this.#log(build, now, 'Running command npm ci');
      print(`added ${this.ctx.random.int(600, 1200)} packages in ${this.ctx.random.int(8, 30)}s`);
    }
    if (phase.phaseType !== 'BUILD' || !project) return;
    this.#log(build, now, 'Running command npm test');
    const { passed, skipped, failing } = project.tests;
    const failed = build.fails ? 1 : 0;
    const skippedText = skipped > 0 ? ` | ${skipped} skipped` : '';
    const testMs = Math.round((now - phase.startTime) * 0.6);
    if (build.fails) {
      print(` FAIL  ${failing.file} > ${failing.name}`);
      print(failing.error);
      print(` Test Files  1 failed | ${Math.ceil(passed / 8)} passed`);
      print(`      Tests  1 failed | ${passed} passed${skippedText} (${passed + 1 + skipped})`);
    } else {
      print(` Test Files  ${Math.ceil(passed / 8)} passed`);
      print(`      Tests  ${passed} passed${skippedText} (${passed + skipped})`);
    }
    print(`   Duration  ${(testMs / 1000).toFixed(2)}s`);
    const group = project.reportGroup;
    if (group !== undefined) {
      const arn = (kind: string): string => `arn:aws:codebuild:${this.ctx.region}:${this.ctx.account}:${kind}`;
      const report: TestReport = {
        arn: arn(`report/${group}:${this.#reportRandom.uuid()}`),
        groupName: group,
        groupArn: arn(`report-group/${group}`),
        buildArn: build.arn,
        status: 'GENERATING',
        created: now,
        statusCounts: { SUCCEEDED: passed, FAILED: failed, SKIPPED: skipped, ERROR: 0, UNKNOWN: 0 },
        durationInNanoSeconds: testMs * 1_000_000,
      };
      this.reports.set(report.arn, report);
      build.reportArns.push(report.arn);
    }
    if (build.fails) this.#log(build, now, 'Command did not exit successfully npm test exit status 1');
  }

  /** The build is over: its reports are final and its exported variables hold their last values. */
  #finish(build: Build): void {
    for (const arn of build.reportArns) {
      const report = this.reports.get(arn);
      if (report?.status === 'GENERATING') report.status = report.statusCounts.FAILED > 0 ? 'FAILED' : 'SUCCEEDED';
    }
    if (build.buildStatus === 'STOPPED') return;
    const project = this.projects.get(build.projectName);
    build.exportedVariables = (project?.exportedVariables ?? []).map((name) => ({
      name,
      value: exportedValue(build, name),
    }));
  }

  #log(build: Build, at: number, text: string): void {
    this.ctx.logs.write(build.logGroup, build.logStream, at, `[Container] ${containerTime(at)} ${text}`);
  }
}

/** What a build usually carries: a plain setting, a Parameter Store name and a Secrets Manager reference. */
function defaultEnvironment(project: string): EnvironmentVariable[] {
  return [
    { name: 'NODE_ENV', value: 'test', type: 'PLAINTEXT' },
    { name: 'SENTRY_DSN', value: `/${project}/sentry-dsn`, type: 'PARAMETER_STORE' },
    { name: 'NPM_TOKEN', value: 'ci/npm-token:token', type: 'SECRETS_MANAGER' },
  ];
}

/** IMAGE_TAG is set by the buildspec from the commit; any other exported variable keeps its environment value. */
function exportedValue(build: Build, name: string): string {
  if (name === 'IMAGE_TAG') return build.resolvedSourceVersion.slice(0, 7);
  return build.environmentVariables.find((v) => v.name === name && v.type === 'PLAINTEXT')?.value ?? '';
}
