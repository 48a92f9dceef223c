// CodeBuild through the real SDK: pagination, batch limits, partial results,
// throttling and build progress as time passes.
import {
  BatchGetBuildsCommand,
  CodeBuildClient,
  InvalidInputException,
  ListBuildsCommand,
  ListProjectsCommand,
  paginateListBuilds,
  StartBuildCommand,
} from '@aws-sdk/client-codebuild';
import { CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPhases } from '../../../src/sim/aws/world/codebuild';
import { minutes } from '../../../src/sim/aws/world/context';
import { type Harness, startHarness } from './harness';

let sim: Harness;
let client: CodeBuildClient;

beforeAll(async () => {
  sim = await startHarness('scale', 12);
  client = new CodeBuildClient({ ...sim.config, maxAttempts: 3 });
});
afterAll(async () => {
  client.destroy();
  await sim.close();
});

describe('CodeBuild', () => {
  it('pages ListBuilds with nextToken exactly while more ids remain', async () => {
    sim.requests.reset();
    const ids: string[] = [];
    const tokens: (string | undefined)[] = [];
    for await (const page of paginateListBuilds({ client }, {})) {
      ids.push(...(page.ids ?? []));
      tokens.push(page.nextToken);
    }
    const total = sim.control.world.codebuild.buildOrder.length;
    expect(total).toBeGreaterThan(200);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    expect(tokens.at(-1)).toBeUndefined();
    expect(tokens.slice(0, -1).every((t) => typeof t === 'string')).toBe(true);
    expect(sim.requests.count({ operation: 'ListBuilds' })).toBe(Math.ceil(total / 100));
  });

  it('rejects an invalid nextToken with InvalidInputException', async () => {
    await expect(client.send(new ListBuildsCommand({ nextToken: 'not-a-token' }))).rejects.toBeInstanceOf(
      InvalidInputException,
    );
  });

  it('enforces the 100-id batch limit and reports buildsNotFound', async () => {
    const { ids = [] } = await client.send(new ListBuildsCommand({}));
    const tooMany = Array.from({ length: 101 }, (_, i) => ids[i % ids.length] ?? '');
    await expect(client.send(new BatchGetBuildsCommand({ ids: tooMany }))).rejects.toBeInstanceOf(
      InvalidInputException,
    );
    const missing = 'svc-001-build:00000000-0000-4000-8000-000000000000';
    const out = await client.send(new BatchGetBuildsCommand({ ids: [...ids.slice(0, 99), missing] }));
    expect(out.builds).toHaveLength(99);
    expect(out.buildsNotFound).toEqual([missing]);
    expect(out.builds?.[0]?.startTime).toBeInstanceOf(Date);
  });

  it('retries a throttled call and succeeds on the third attempt', async () => {
    sim.requests.reset();
    sim.faults.add({ service: 'codebuild', operation: 'ListProjects', error: 'throttle', times: 2 });
    const projects = await client.send(new ListProjectsCommand({}));
    expect(projects.$metadata.attempts).toBe(3);
    expect(sim.requests.count({ operation: 'ListProjects', status: 400 })).toBe(2);
    expect(sim.requests.count({ operation: 'ListProjects', status: 200 })).toBe(1);
  });

  it('surfaces ThrottlingException with attempts === 3 when always throttled', async () => {
    const remove = sim.faults.add({ service: 'codebuild', operation: 'ListBuilds', error: 'throttle' });
    try {
      await client.send(new ListBuildsCommand({}));
      expect.unreachable();
    } catch (error) {
      const e = error as { name: string; $metadata: { attempts?: number } };
      expect(e.name).toBe('ThrottlingException');
      expect(e.$metadata.attempts).toBe(3);
    } finally {
      remove();
    }
  });

  it('runs a failing build through its phases as the clock advances, logging the failing test', async () => {
    sim.control.failNextBuild('svc-002-build');
    const { build } = await client.send(new StartBuildCommand({ projectName: 'svc-002-build' }));
    const id = build?.id ?? '';
    expect(build?.buildStatus).toBe('IN_PROGRESS');
    expect(build?.currentPhase).toBe('SUBMITTED');
    sim.clock.advance(30 * minutes);
    const [done] = (await client.send(new BatchGetBuildsCommand({ ids: [id] }))).builds ?? [];
    expect(done?.buildStatus).toBe('FAILED');
    expect(done?.currentPhase).toBe('COMPLETED');
    expect(done?.phases?.map((p) => p.phaseType)).toEqual([...buildPhases]);
    expect(done?.phases?.find((p) => p.phaseType === 'BUILD')?.phaseStatus).toBe('FAILED');

    const logs = new CloudWatchLogsClient(sim.config);
    const group = done?.logs?.groupName ?? '';
    const stream = done?.logs?.streamName ?? '';
    expect(group).toBe('/aws/codebuild/svc-002-build');
    const first = await logs.send(
      new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, startFromHead: true, limit: 5 }),
    );
    expect(first.events).toHaveLength(5);
    const lines: string[] = [];
    let token: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await logs.send(
        new GetLogEventsCommand({
          logGroupName: group,
          logStreamName: stream,
          startFromHead: true,
          limit: 5,
          ...(token ? { nextToken: token } : {}),
        }),
      );
      pages += 1;
      lines.push(...(page.events ?? []).map((e) => e.message ?? ''));
      // The end of the stream is when the forward token comes back unchanged.
      if (page.nextForwardToken === token) break;
      token = page.nextForwardToken;
    }
    expect(pages).toBeGreaterThan(3);
    expect(lines.some((l) => l.includes('FAIL  test/api.test.ts'))).toBe(true);
    expect(lines.some((l) => l.includes('Phase complete: BUILD State: FAILED'))).toBe(true);
    logs.destroy();
  });
});
