// codebuild.builds.stop / retry through the contract's gate (dispatch) to the
// live workspace, the real SDK and the simulator: one StopBuild for a build
// the snapshot shows running, one RetryBuild for a finished one, none for a
// build it does not know or (stop) shows finished; and codebuild.builds.log
// following a running build's CloudWatch log to its end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type CommandHandlers,
  createDispatch,
  type Dispatch,
  type QueryHandlers,
} from '../../../src/main/hub/dispatch';
import type { Logger } from '../../../src/main/hub/log';
import type { Build } from '../../../src/shared/builds';
import { resourcesOfKind } from '../../../src/shared/snapshot';
import { type AwsSim, demoAws, startAwsSim } from '../../../src/sim/aws';
import { ManualClock } from '../../../src/sim/clock';
import { FaultInjector } from '../../../src/sim/faults';
import { Random } from '../../../src/sim/random';
import { RequestLog } from '../../../src/sim/requests';
import { type LiveRig, openLiveRig } from './support-live';

const project = demoAws.storefront.buildProject;
const arnOf = (id: string) => `arn:aws:codebuild:us-east-1:${demoAws.account}:build/${id}`;

let aws: AwsSim;
let requests: RequestLog;
let faults: FaultInjector;
let dir: string;
let rig: LiveRig;
let dispatch: Dispatch;

beforeEach(async () => {
  requests = new RequestLog();
  faults = new FaultInjector(new Random(1).fork('faults'));
  aws = await startAwsSim({
    scenario: 'demo',
    seed: 1,
    scale: 10,
    clock: new ManualClock(Date.now()),
    faults,
    requests,
    port: 0,
  });
  dir = mkdtempSync(join(tmpdir(), 'starboard-build-actions-'));
  const log: Logger = { info: () => {}, warn: () => {}, error: () => {} };
  rig = openLiveRig({ dir, endpoint: aws.endpoint, log });
  const live = rig.live;
  const commands = {
    'codebuild.builds.stop': (input: { buildArn: string }) => live.buildCommand(input, 'stop'),
    'codebuild.builds.retry': (input: { buildArn: string }) => live.buildCommand(input, 'retry'),
  };
  const queries = { 'codebuild.builds.log': live.buildLog.bind(live) };
  dispatch = createDispatch(
    { queries: queries as unknown as QueryHandlers, commands: commands as unknown as CommandHandlers },
    log,
  );
  await rig.run(10_000);
});
afterEach(async () => {
  await rig.live.close();
  await aws.close();
  rmSync(dir, { recursive: true, force: true });
});

const builds = (): Build[] => resourcesOfKind(rig.live.snapshot, 'build').map((r) => r.data);
const calls = (operation: string) => requests.count({ service: 'codebuild', operation });

/** Starts a build in the simulator and reads it into the snapshot, running. */
async function running(): Promise<string> {
  const id = aws.control.startBuild(project);
  aws.control.advance(20_000);
  rig.live.refreshNow({});
  await rig.run(2_000);
  expect(builds().find((b) => b.id === id)?.complete).toBe(false);
  requests.reset();
  return arnOf(id);
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!condition()) throw new Error(`never happened: ${what}`);
}

describe('stopping and retrying CodeBuild builds from Starboard', () => {
  it('stops a running build with one StopBuild; the snapshot shows it stopped soon after', async () => {
    const buildArn = await running();
    expect(await dispatch('command', 'codebuild.builds.stop', { buildArn })).toEqual({ ok: true, value: { buildArn } });
    expect(calls('StopBuild')).toBe(1);
    aws.control.advance(10_000);
    await rig.run(5_000);
    expect(builds().find((b) => b.arn === buildArn)).toMatchObject({ status: 'STOPPED', complete: true });
    expect(calls('StopBuild')).toBe(1);
  });

  it('retries a finished build with one RetryBuild and answers the new build, which the snapshot then shows', async () => {
    const finished = builds().find((b) => b.complete && b.project === project);
    if (!finished) throw new Error('the demo has no finished storefront build');
    requests.reset();
    const result = await dispatch('command', 'codebuild.builds.retry', { buildArn: finished.arn });
    if (!result.ok) throw new Error(result.error.message);
    const { buildArn } = result.value as { buildArn: string };
    expect(buildArn).not.toBe(finished.arn);
    expect(buildArn).toMatch(new RegExp(`:build/${project}:`));
    expect(calls('RetryBuild')).toBe(1);
    await rig.run(3_000);
    expect(builds().find((b) => b.arn === buildArn)).toMatchObject({ project, complete: false });
  });

  it('refuses without calling CodeBuild: a build it does not know, or stopping one already finished', async () => {
    const finished = builds().find((b) => b.complete);
    if (!finished) throw new Error('no finished build');
    requests.reset();
    const unknown = await dispatch('command', 'codebuild.builds.stop', {
      buildArn: arnOf(`${project}:00000000-0000-0000-0000-000000000000`),
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const retryUnknown = await dispatch('command', 'codebuild.builds.retry', {
      buildArn: arnOf(`${project}:00000000-0000-0000-0000-000000000000`),
    });
    expect(retryUnknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const done = await dispatch('command', 'codebuild.builds.stop', { buildArn: finished.arn });
    expect(done).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(requests.count({ service: 'codebuild' })).toBe(0);
  });

  it('names codebuild:StopBuild when CodeBuild denies the stop', async () => {
    const buildArn = await running();
    faults.add({ service: 'codebuild', operation: 'StopBuild', error: 'access-denied', times: 1 });
    const result = await dispatch('command', 'codebuild.builds.stop', { buildArn });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'access-denied', missingPermission: 'codebuild:StopBuild' },
    });
    expect(calls('StopBuild')).toBe(1);
  });
});

describe('reading a build log', () => {
  it('follows a running build to its end, pushing codebuild.log.changed as lines arrive', async () => {
    const buildArn = await running();
    const first = await dispatch('query', 'codebuild.builds.log', { buildArn, from: 0 });
    if (!first.ok) throw new Error(first.error.message);
    const view = first.value as { total: number; state: string; lines: unknown[] };
    expect(view.state).toBe('open');
    expect(view.lines.length).toBe(view.total);
    expect(view.total).toBeGreaterThan(0);

    // The build runs to its end in the simulator; the hub keeps reading without being asked again.
    aws.control.advance(30 * 60_000);
    const changed = () =>
      rig.events.flatMap((e) =>
        e.name === 'codebuild.log.changed' && e.payload.buildArn === buildArn ? [e.payload] : [],
      );
    await until(() => changed().some((c) => c.state === 'ended'), 'the log ended');
    const id = buildArn.split('/')[1] ?? '';
    const b = aws.control.world.codebuild.builds.get(id);
    const written = aws.control.world.ctx.logs.groups.get(b?.logGroup ?? '')?.streams.get(b?.logStream ?? '');
    const total = written?.events.length ?? -1;
    expect(changed().at(-1)).toEqual({ buildArn, total, state: 'ended' });
    // Totals only grow.
    const totals = changed().map((c) => c.total);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));

    const rest = await dispatch('query', 'codebuild.builds.log', { buildArn, from: view.total });
    if (!rest.ok) throw new Error(rest.error.message);
    expect(rest.value).toMatchObject({ from: view.total, total, state: 'ended', droppedLines: 0 });
    expect((rest.value as { lines: { message: string }[] }).lines.map((l) => l.message)).toEqual(
      written?.events.slice(view.total).map((e) => e.message.replace(/\r?\n$/, '')),
    );
    // Once ended, reading again sends no call.
    requests.reset();
    await dispatch('query', 'codebuild.builds.log', { buildArn, from: 0 });
    expect(requests.count({ service: 'logs' })).toBe(0);
  });
});
