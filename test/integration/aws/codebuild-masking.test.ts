// The masking of environment variable values (RELIABILITY A15), end to end
// through the real SDK: the simulator sends the demo's PLAINTEXT password in
// the clear, as AWS does, and nothing the BuildSource keeps, returns or logs
// holds it, while the variable's name and type are there to show.
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoAws } from '../../../src/sim/aws/scenarios/demo-names';
import { minutes } from '../../../src/sim/aws/world/context';
import { type BuildRig, startBuildRig } from './support-codebuild';

const pa = demoAws.paymentsApi;
const canary = pa.plaintextSecret.value;

describe('environment variable values (RELIABILITY A15)', () => {
  let rig: BuildRig;
  const logged: string[] = [];
  const received: string[] = [];

  beforeAll(async () => {
    for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        logged.push(args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 20 }))).join(' '));
      });
    }
    rig = await startBuildRig('demo');
    // What AWS answered, as the SDK parsed it: proof that the value did reach Starboard.
    rig.read.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        received.push(JSON.stringify(result.output));
        return result;
      },
      { step: 'initialize', name: 'recordOutputs' },
    );
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await rig.close();
  });

  it('never appears in what the BuildSource reads, returns or logs, while names and types do', async () => {
    const { source, sim } = rig;
    // A status this build of Starboard does not know makes the source log something.
    const odd = sim.control.startBuild(pa.buildProject);
    const oddBuild = sim.control.world.codebuild.builds.get(odd);
    if (oddBuild) oddBuild.buildStatus = 'PAUSED' as typeof oddBuild.buildStatus;

    const projects = await source.refreshProjects();
    await source.refreshBuilds();
    const started = await source.startBuild(pa.buildProject, 'refs/heads/main');
    sim.clock.advance(30 * minutes);
    await source.refreshBuilds();
    await source.loadOlderBuilds(20);
    const builds = await source.refreshBuildIds(started.ok ? [started.value.id] : []);

    expect(received.join('\n')).toContain(canary);
    expect(logged.join('\n')).toContain('PAUSED');
    for (const seen of [
      JSON.stringify(builds),
      JSON.stringify(projects),
      JSON.stringify(source.projects),
      JSON.stringify(started),
      logged.join('\n'),
    ]) {
      expect(seen).not.toContain(canary);
      expect(seen).not.toContain('/payments-api/test/database-url');
    }

    const variables = [
      { name: pa.plaintextSecret.name, type: 'PLAINTEXT' },
      { name: 'DATABASE_URL', type: 'PARAMETER_STORE' },
      { name: 'STRIPE_API_KEY', type: 'SECRETS_MANAGER' },
    ];
    const project = projects.projects.find((p) => p.name === pa.buildProject);
    expect(project?.environmentVariables).toEqual(expect.arrayContaining(variables));
    const payments = builds.builds.filter((b) => b.project === pa.buildProject);
    expect(payments.length).toBeGreaterThan(5);
    for (const build of payments) expect(build.environmentVariables).toEqual(expect.arrayContaining(variables));
    const finished = payments.find((b) => b.id === (started.ok ? started.value.id : ''));
    expect(finished?.exportedVariableNames).toEqual(['IMAGE_TAG', pa.plaintextSecret.name]);
    expect(JSON.stringify(builds)).toContain(`{"name":"${pa.plaintextSecret.name}","type":"PLAINTEXT"}`);
  });
});
