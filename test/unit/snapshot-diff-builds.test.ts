import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../src/main/hub/snapshot/diff';
import type { BuildStatus } from '../../src/shared/builds';
import type { ChangeEvent } from '../../src/shared/events';
import { build, location, snapshot } from '../support/snapshot-builders';

const arn = (project: string, n: number) =>
  `arn:aws:codebuild:eu-west-1:111122223333:build/${project}:${String(n).padStart(4, '0')}`;
const brief = (events: ChangeEvent[]) => events.map((e) => `${e.kind} ${e.data.consoleUrl.split('/').pop() ?? ''}`);

/** The project's history as letters, oldest first: F failed, S succeeded, X stopped, T timed out. */
function history(letters: string, project = 'api') {
  const status: Record<string, BuildStatus> = { F: 'FAILED', S: 'SUCCEEDED', X: 'STOPPED', T: 'TIMED_OUT' };
  return letters.split('').map((letter, i) => build(project, i + 1, status[letter] ?? 'IN_PROGRESS'));
}

/** Diff of a history whose last build was running before and has now ended as `last`. */
function ending(before: string, last: BuildStatus) {
  const known = history(before);
  const running = build('api', known.length + 1, 'IN_PROGRESS');
  return diffSnapshots(snapshot([...known, running]), snapshot([...known, build('api', known.length + 1, last)]));
}

describe('build events', () => {
  it('reports a failed build with its stable id and the failed phase', () => {
    const before = snapshot([build('api', 1, 'IN_PROGRESS')]);
    const failed = build('api', 1, 'FAILED', {
      phases: [
        { type: 'INSTALL', status: 'SUCCEEDED', reasons: [] },
        { type: 'BUILD', status: 'FAILED', reasons: [{ message: 'exit 1' }] },
      ],
    });
    expect(diffSnapshots(before, snapshot([failed]))).toEqual([
      expect.objectContaining({
        id: `build.failed:${arn('api', 1)}`,
        kind: 'build.failed',
        resourceId: `build:${arn('api', 1)}`,
        origin: 'change',
        summary: 'Build api #1 failed in BUILD',
        data: expect.objectContaining({ project: 'api', number: 1, status: 'FAILED', failedPhase: 'BUILD' }) as unknown,
      }),
    ]);
  });

  it.each([
    ['TIMED_OUT', 'Build api #1 failed (TIMED_OUT)'],
    ['FAULT', 'Build api #1 failed (FAULT)'],
  ] as const)('counts %s as a failure', (status, summary) => {
    const events = diffSnapshots(snapshot([build('api', 1, 'IN_PROGRESS')]), snapshot([build('api', 1, status)]));
    expect(events).toEqual([expect.objectContaining({ kind: 'build.failed', summary })]);
  });

  it('reports a success after a success as succeeded', () => {
    expect(ending('S', 'SUCCEEDED').map((e) => e.kind)).toEqual(['build.succeeded']);
  });

  it('reports the first success after failures as fixed, and only that one', () => {
    const [fixed, ...rest] = ending('SFF', 'SUCCEEDED');
    expect(rest).toEqual([]);
    expect(fixed).toMatchObject({
      id: `build.fixed:${arn('api', 4)}`,
      kind: 'build.fixed',
      summary: 'Build api #4 fixed api after 2 failed builds',
      data: { failedBefore: 2 },
    });
    expect(ending('SFFS', 'SUCCEEDED').map((e) => e.kind)).toEqual(['build.succeeded']);
  });

  it('looks past stopped builds: stopping a build neither breaks nor fixes a project', () => {
    expect(ending('FX', 'SUCCEEDED').map((e) => e.kind)).toEqual(['build.fixed']);
    expect(ending('SX', 'SUCCEEDED').map((e) => e.kind)).toEqual(['build.succeeded']);
    expect(ending('T', 'SUCCEEDED').map((e) => e.kind)).toEqual(['build.fixed']);
    expect(ending('S', 'STOPPED')).toEqual([]);
  });

  it('reports a first success with no history as succeeded, not fixed', () => {
    expect(ending('', 'SUCCEEDED').map((e) => e.kind)).toEqual(['build.succeeded']);
  });

  it('orders builds that ended between two reads, so the later success fixes the earlier failure', () => {
    const before = snapshot(history('S'));
    const after = snapshot([...history('S'), build('api', 2, 'FAILED'), build('api', 3, 'SUCCEEDED')]);
    expect(brief(diffSnapshots(before, after))).toEqual(['build.failed api:0002', 'build.fixed api:0003']);
  });

  it('reports a completed build once, and never an older build that only now came into view', () => {
    const done = snapshot(history('SF'));
    expect(diffSnapshots(done, done)).toEqual([]);
    const older = snapshot([...history('SF'), build('api', 0, 'FAILED')]);
    expect(diffSnapshots(done, older)).toEqual([]);
  });

  it('keeps projects apart, also the same name in another region', () => {
    const elsewhere = { ...location, region: 'us-east-1' };
    const before = snapshot([build('api', 1, 'FAILED'), build('api', 2, 'IN_PROGRESS', { location: elsewhere })]);
    const after = snapshot([build('api', 1, 'FAILED'), build('api', 2, 'SUCCEEDED', { location: elsewhere })]);
    // The us-east-1 source was read too (the builders mark the test source only), so this is warm news.
    after.sources['aws:acme:us-east-1'] = { id: 'aws:acme:us-east-1', kinds: { build: { fetchedAt: 'x' } } };
    before.sources['aws:acme:us-east-1'] = after.sources['aws:acme:us-east-1'];
    expect(diffSnapshots(before, after).map((e) => e.kind)).toEqual(['build.succeeded']);
  });

  it('says nothing while a build runs', () => {
    expect(diffSnapshots(snapshot(history('S')), snapshot([...history('S'), build('api', 2, 'IN_PROGRESS')]))).toEqual(
      [],
    );
  });
});
