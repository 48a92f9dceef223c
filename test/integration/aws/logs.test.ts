// A build's CloudWatch Logs stream through the real SDK against the
// simulator: forward tokens across pages, following a running build in
// simulated time, and a stream that does not exist yet.
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { CodeBuildClient } from '@aws-sdk/client-codebuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientConfig } from '../../../src/main/sources/aws/client-config';
import { BuildSource } from '../../../src/main/sources/aws/codebuild/build-source';
import { BuildLog } from '../../../src/main/sources/aws/logs/build-log';
import { demoAws } from '../../../src/sim/aws/scenarios/demo-names';
import { type Harness, startHarness } from '../../sim/aws/harness';

const pa = demoAws.paymentsApi;
let sim: Harness;
let logs: CloudWatchLogsClient;
let codebuild: CodeBuildClient;

beforeAll(async () => {
  sim = await startHarness('demo');
  const target = {
    accountKey: 'sim',
    region: sim.config.region,
    credentials: async () => sim.config.credentials,
    endpointUrl: sim.config.endpoint,
  };
  logs = new CloudWatchLogsClient(clientConfig(target, 'read'));
  codebuild = new CodeBuildClient(clientConfig(target, 'read'));
});
afterEach(() => sim.faults.clear());
afterAll(async () => {
  logs.destroy();
  codebuild.destroy();
  await sim.close();
});

const streamOf = (buildId: string) => ({
  group: `/aws/codebuild/${pa.buildProject}`,
  stream: buildId.split(':')[1] ?? '',
});
const worldEvents = (buildId: string): string[] => {
  const { group, stream } = streamOf(buildId);
  return (
    sim.control.world.ctx.logs.groups
      .get(group)
      ?.streams.get(stream)
      ?.events.map((e) => e.message) ?? []
  );
};
const getLogEvents = (): number => sim.requests.count({ service: 'logs', operation: 'GetLogEvents' });

describe('BuildLog', () => {
  it("shows the failing unit test in payments-api-build's latest log", async () => {
    const source = new BuildSource(codebuild, codebuild, {
      accountKey: 'sim',
      accountId: demoAws.account,
      region: 'us-east-1',
    });
    const latest = (await source.refreshBuilds()).builds.find((b) => b.project === pa.buildProject);
    expect(latest?.status).toBe('FAILED');
    if (!latest?.log) throw new Error('the latest payments-api build has no log location');
    const log = new BuildLog(logs, latest.log);
    const read = await log.readToEnd();
    expect(read.state).toBe('ended');
    const text = read.lines.map((l) => l.message).join('\n');
    expect(text).toContain(`FAIL  test/refunds.test.ts > ${pa.failingTest}`);
    expect(text).toContain('AssertionError: expected 402 to be 400');
    expect(read.lines[0]?.timestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('pages through a log with forward tokens and stops when the token stops changing', async () => {
    const id = sim.control.world.codebuild.buildOrder.find((b) => b.startsWith(pa.buildProject)) ?? '';
    const expected = worldEvents(id);
    expect(expected.length).toBeGreaterThan(12);
    sim.requests.reset();
    const log = new BuildLog(logs, streamOf(id), { pageSize: 5 });
    const read = await log.readToEnd();
    expect(read.lines.map((l) => l.message)).toEqual(expected);
    expect(getLogEvents()).toBe(Math.ceil(expected.length / 5) + 1);
  });

  it('follows a running build live, at most one call per simulated second, until it completes', async () => {
    const id = sim.control.startBuild(pa.buildProject);
    const startedAt = sim.clock.now();
    const sleep = async (ms: number): Promise<void> => sim.clock.advance(ms);
    const log = new BuildLog(logs, streamOf(id), { sleep });
    const seen: string[] = [];
    sim.requests.reset();
    const result = await log.follow({
      isComplete: () => sim.control.world.codebuild.builds.get(id)?.buildStatus !== 'IN_PROGRESS',
      onLines: (lines) => seen.push(...lines.map((l) => l.message)),
    });
    const elapsedSeconds = (sim.clock.now() - startedAt) / 1000;
    expect(result.state).toBe('ended');
    expect(sim.control.world.codebuild.builds.get(id)?.buildStatus).not.toBe('IN_PROGRESS');
    expect(seen).toEqual(worldEvents(id));
    expect(result.lines.map((l) => l.message)).toEqual(seen);
    expect(seen.some((m) => m.includes('Phase complete: BUILD'))).toBe(true);
    expect(elapsedSeconds).toBeGreaterThan(60);
    // One read right away, then one per second slept.
    expect(getLogEvents()).toBeLessThanOrEqual(elapsedSeconds + 1);
    expect(getLogEvents()).toBeGreaterThan(elapsedSeconds / 2);
  });

  it('stops following when asked', async () => {
    const id = sim.control.startBuild(pa.buildProject);
    const controller = new AbortController();
    let reads = 0;
    const log = new BuildLog(logs, streamOf(id), {
      sleep: async (ms) => {
        sim.clock.advance(ms);
        if (++reads === 3) controller.abort();
      },
    });
    const result = await log.follow({ isComplete: () => false, signal: controller.signal });
    expect(result.state).toBe('open');
    expect(reads).toBe(3);
    sim.clock.advance(30 * 60_000);
  });

  it('treats a stream that does not exist yet as no log, not an error', async () => {
    const missingStream = new BuildLog(logs, { group: `/aws/codebuild/${pa.buildProject}`, stream: 'not-started' });
    expect(await missingStream.read()).toEqual({ lines: [], state: 'no-log-yet', advanced: false });
    const missingGroup = new BuildLog(logs, { group: '/aws/codebuild/brand-new-project', stream: 'first' });
    expect(await missingGroup.readToEnd()).toEqual({ lines: [], state: 'no-log-yet' });
    const finished = await missingGroup.follow({ isComplete: () => true });
    expect(finished).toEqual({ lines: [], state: 'no-log-yet' });
  });

  it('reports lasting throttling as a problem and keeps the lines read before', async () => {
    const id = sim.control.world.codebuild.buildOrder.find((b) => b.startsWith(pa.buildProject)) ?? '';
    const log = new BuildLog(logs, streamOf(id), { pageSize: 5 });
    await log.read();
    sim.faults.add({ service: 'logs', operation: 'GetLogEvents', error: 'throttle' });
    const chunk = await log.read();
    expect(chunk.problem).toMatchObject({ code: 'throttled' });
    expect(log.lines).toHaveLength(5);
  });
});
