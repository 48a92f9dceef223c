// Test report summaries through the real SDK against the simulator: what a
// finished build's reports add up to, and the calls it costs to learn it
// (each report read once, ⌈reports/100⌉ calls on the refresh that sees its
// build complete, none when idle).
import { CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { CodeBuildClient } from '@aws-sdk/client-codebuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Build } from '../../../src/shared/builds';
import { deny } from '../../../src/sim/aws/access';
import { demoAws } from '../../../src/sim/aws/scenarios/demo-names';
import type { TestReport } from '../../../src/sim/aws/world/codebuild';
import { minutes } from '../../../src/sim/aws/world/context';
import { type BuildRig, startBuildRig } from './support-codebuild';

const pa = demoAws.paymentsApi;

/** The reportArns lengths of every BatchGetReports request `client` sends. */
function recordReportBatches(client: CodeBuildClient): number[] {
  const sizes: number[] = [];
  client.middlewareStack.add(
    (next, context) => (args) => {
      if (context.commandName === 'BatchGetReportsCommand') {
        sizes.push((args.input as { reportArns?: string[] }).reportArns?.length ?? 0);
      }
      return next(args);
    },
    { step: 'initialize', name: 'recordReportBatches' },
  );
  return sizes;
}

describe('test report summaries of the demo builds', () => {
  let rig: BuildRig;
  const world = () => rig.sim.control.world.codebuild;
  const reportsOf = (ids: readonly string[]): number =>
    ids.reduce((n, id) => n + (world().builds.get(id)?.reportArns.length ?? 0), 0);
  /** Asserts the CodeBuild calls since the last reset, by operation. */
  const expectCalls = (counts: Record<string, number>): void => {
    const named = Object.entries(counts).map(([operation, n]) => [`codebuild.${operation}`, n]);
    expect(rig.sim.requests.byOperation()).toEqual(Object.fromEntries(named));
  };
  const refresh = async (): Promise<Build[]> => {
    rig.sim.requests.reset();
    return (await rig.source.refreshBuilds()).builds;
  };

  beforeAll(async () => {
    rig = await startBuildRig('demo');
  });
  afterEach(() => {
    rig.sim.faults.clear();
    rig.sim.control.world.policy.denied.clear();
  });
  afterAll(() => rig.close());

  it('reads the reports of every finished build in one batch on the first refresh', async () => {
    const builds = await refresh();
    const finished = builds.filter((b) => b.complete).map((b) => b.id);
    const reports = reportsOf(finished);
    expect(reports).toBeGreaterThan(20);
    expectCalls({ ListBuilds: 1, BatchGetBuilds: 1, BatchGetReports: Math.ceil(reports / 100) });
    for (const build of builds) expect(build.tests !== undefined).toBe(reportsOf([build.id]) > 0);
    const passing = builds.find((b) => b.status === 'SUCCEEDED' && b.project === pa.buildProject);
    expect(passing?.tests).toMatchObject({ failed: 0, passed: pa.passingTests, status: 'SUCCEEDED', reports: 1 });
  });

  it('shows the failing payments-api build with a failing report that agrees with its log', async () => {
    const failing = rig.source.builds.builds.find((b) => b.project === pa.buildProject);
    expect(failing).toMatchObject({ status: 'FAILED', complete: true });
    expect(failing?.tests).toEqual({
      total: pa.passingTests + pa.skippedTests + 1,
      passed: pa.passingTests,
      failed: 1,
      skipped: pa.skippedTests,
      durationMs: expect.any(Number) as number,
      status: 'FAILED',
      reports: 1,
    });

    const logs = new CloudWatchLogsClient({ ...rig.sim.config, maxAttempts: 1 });
    const { events = [] } = await logs.send(
      new GetLogEventsCommand({
        logGroupName: failing?.log?.group,
        logStreamName: failing?.log?.stream,
        startFromHead: true,
      }),
    );
    logs.destroy();
    const text = events.map((e) => e.message ?? '').join('\n');
    expect(text).toContain(`FAIL  test/refunds.test.ts > ${pa.failingTest}`);
    const [, failed, passed, skipped, total] =
      /Tests {2}(\d+) failed \| (\d+) passed \| (\d+) skipped \((\d+)\)/.exec(text) ?? [];
    expect([failed, passed, skipped, total].map(Number)).toEqual([
      failing?.tests?.failed,
      failing?.tests?.passed,
      failing?.tests?.skipped,
      failing?.tests?.total,
    ]);
    const seconds = /Duration {2}([\d.]+)s/.exec(text)?.[1];
    expect(Number(seconds)).toBeCloseTo((failing?.tests?.durationMs ?? 0) / 1000, 2);
  });

  it('costs one call when idle: a report once read is never read again', async () => {
    await refresh();
    expectCalls({ ListBuilds: 1 });
  });

  it('reads the reports of k newly finished builds with ⌈reports/100⌉ calls, not while they run', async () => {
    const ids = [pa.buildProject, demoAws.storefront.buildProject, demoAws.mobileBackend.buildProject].map((p) =>
      rig.sim.control.startBuild(p),
    );
    await refresh();
    expectCalls({ ListBuilds: 1, BatchGetBuilds: 1 });

    rig.sim.clock.advance(30 * minutes);
    const builds = await refresh();
    expect(reportsOf(ids)).toBe(3);
    expectCalls({ ListBuilds: 1, BatchGetBuilds: 1, BatchGetReports: 1 });
    for (const id of ids) {
      expect(builds.find((b) => b.id === id)?.tests).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
    }

    await refresh();
    expectCalls({ ListBuilds: 1 });
  });

  it('reads 150 new reports in two batches of at most 100 arns', async () => {
    const sizes = recordReportBatches(rig.read);
    try {
      const ids = Array.from({ length: 150 }, () => rig.sim.control.startBuild(pa.buildProject));
      await refresh();
      expect(rig.calls('BatchGetReports')).toBe(0);
      rig.sim.clock.advance(30 * minutes);
      const builds = await refresh();
      expect(reportsOf(ids)).toBe(150);
      expectCalls({ ListBuilds: 1, BatchGetBuilds: 2, BatchGetReports: 2 });
      expect(sizes.sort((a, b) => a - b)).toEqual([50, 100]);
      expect(
        builds.filter((b) => ids.includes(b.id) && b.tests?.total === pa.passingTests + pa.skippedTests),
      ).toHaveLength(150);
      await refresh();
      expectCalls({ ListBuilds: 1 });
    } finally {
      rig.read.middlewareStack.remove('recordReportBatches');
    }
  });

  it('asks nothing for a build stopped before its tests or a project without test reports', async () => {
    world().addProject('docs-site-build', { reportGroup: false });
    const docs = rig.sim.control.startBuild('docs-site-build');
    const started = await rig.source.startBuild(pa.buildProject);
    if (!started.ok) throw new Error(started.error.message);
    await rig.source.stopBuild(started.value.id);
    rig.sim.clock.advance(30 * minutes);
    const builds = await refresh();
    expectCalls({ ListBuilds: 1, BatchGetBuilds: 1 });
    expect(builds.find((b) => b.id === docs)).toMatchObject({ status: 'SUCCEEDED', complete: true });
    expect(builds.find((b) => b.id === docs)?.tests).toBeUndefined();
    expect(builds.find((b) => b.id === started.value.id)?.tests).toBeUndefined();
  });

  it('names codebuild:BatchGetReports when it is denied, keeps the builds, and does not ask again', async () => {
    const group = `arn:aws:codebuild:${demoAws.region}:${demoAws.account}:report-group/${pa.reportGroup}`;
    deny(rig.sim.control.world.policy, 'codebuild:BatchGetReports', group);
    const id = rig.sim.control.startBuild(pa.buildProject);
    rig.sim.clock.advance(30 * minutes);
    rig.sim.requests.reset();
    const read = await rig.source.refreshBuilds();
    expect(rig.calls('BatchGetReports')).toBe(1);
    expect(read.problem).toBeUndefined();
    expect(read.problems).toEqual([
      expect.objectContaining({
        code: 'access-denied',
        missingPermission: 'codebuild:BatchGetReports',
        message: expect.stringContaining(pa.reportGroup) as string,
      }),
    ]);
    const build = read.builds.find((b) => b.id === id);
    expect(build).toMatchObject({ status: 'SUCCEEDED', complete: true });
    expect(build?.tests).toBeUndefined();

    await refresh();
    expectCalls({ ListBuilds: 1 });
  });

  it('reports lasting throttling of BatchGetReports and reads the reports on the next refresh', async () => {
    rig.sim.faults.add({ service: 'codebuild', operation: 'BatchGetReports', error: 'throttle' });
    const id = rig.sim.control.startBuild(demoAws.storefront.buildProject);
    rig.sim.clock.advance(30 * minutes);
    rig.sim.requests.reset();
    const throttled = await rig.source.refreshBuilds();
    expect(rig.calls('BatchGetReports')).toBe(3);
    expect(throttled.problem).toBeUndefined();
    expect(throttled.problems).toEqual([expect.objectContaining({ code: 'throttled' })]);
    expect(throttled.builds.find((b) => b.id === id)?.tests).toBeUndefined();

    rig.sim.faults.clear();
    const builds = await refresh();
    expectCalls({ ListBuilds: 1, BatchGetReports: 1 });
    expect(builds.find((b) => b.id === id)?.tests).toMatchObject({ status: 'SUCCEEDED' });
  });

  /** A payments-api build that has ended while its report still says GENERATING, as AWS can lag. */
  const endWithReportGenerating = (): { id: string; report: TestReport } => {
    const id = rig.sim.control.startBuild(pa.buildProject);
    rig.sim.clock.advance(30 * minutes);
    const report = world().reports.get(world().builds.get(id)?.reportArns[0] ?? '');
    if (!report) throw new Error(`build ${id} has no report`);
    report.status = 'GENERATING';
    return { id, report };
  };

  it('asks again for a report still GENERATING after its build ended, three reads at most', async () => {
    const stuck = endWithReportGenerating();
    const reads: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const builds = await refresh();
      reads.push(rig.calls('BatchGetReports'));
      expect(builds.find((b) => b.id === stuck.id)?.tests?.status).toBe('GENERATING');
    }
    expect(reads).toEqual([1, 1, 1, 0]);

    const late = endWithReportGenerating();
    await refresh();
    late.report.status = 'SUCCEEDED';
    const builds = await refresh();
    expect(rig.calls('BatchGetReports')).toBe(1);
    expect(builds.find((b) => b.id === late.id)?.tests?.status).toBe('SUCCEEDED');
    await refresh();
    expectCalls({ ListBuilds: 1 });
  });
});
