// The simulator's entry points: startSimulator wires both halves to one
// clock and request log; the CLI parses its flags.
import { CodePipelineClient, ListPipelinesCommand } from '@aws-sdk/client-codepipeline';
import { describe, expect, it } from 'vitest';
import { parseCliArgs, usage } from '../../src/sim/cli';
import { ManualClock, startSimulator } from '../../src/sim/index';

describe('startSimulator', () => {
  it('serves AWS and GitHub on loopback with shared clock and request log', async () => {
    const sim = await startSimulator({ scenario: 'demo', seed: 3, clock: new ManualClock() });
    try {
      expect(sim.awsEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(sim.githubApiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(sim.githubEnterpriseApiUrl.startsWith(sim.githubApiUrl)).toBe(true);
      const client = new CodePipelineClient({
        endpoint: sim.awsEndpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: 'AKID', secretAccessKey: 's' },
      });
      await client.send(new ListPipelinesCommand({}));
      expect(sim.requests.count({ service: 'codepipeline', operation: 'ListPipelines' })).toBe(1);
      expect(sim.aws.waitingApprovals()).toHaveLength(1);
    } finally {
      await sim.close();
    }
  });

  it('builds the same world from the same seed', async () => {
    const start = Date.UTC(2026, 0, 15);
    const [a, b] = await Promise.all(
      [1, 2].map(() => startSimulator({ scenario: 'demo', seed: 9, clock: new ManualClock(start) })),
    );
    try {
      expect(a?.aws.waitingApprovals()).toEqual(b?.aws.waitingApprovals());
      expect([...(a?.aws.world.codebuild.builds.keys() ?? [])]).toEqual([
        ...(b?.aws.world.codebuild.builds.keys() ?? []),
      ]);
    } finally {
      await Promise.all([a?.close(), b?.close()]);
    }
  });
});

describe('the sim CLI', () => {
  it('parses its flags and rejects bad ones', () => {
    expect(parseCliArgs(['--port', '0', '--scenario', 'scale', '--seed', '4', '--scale', '500'])).toMatchObject({
      port: 0,
      scenario: 'scale',
      seed: 4,
      scale: 500,
    });
    expect(() => parseCliArgs(['--scenario', 'nope'])).toThrow(/demo, empty, scale, faults/);
    expect(() => parseCliArgs(['--port', '-1'])).toThrow(/--port/);
    expect(usage('http://127.0.0.1:4566', 'http://g', 'http://g/api/v3', 'demo')).toContain(
      'aws --endpoint-url http://127.0.0.1:4566 codepipeline get-pipeline-state',
    );
  });
});
