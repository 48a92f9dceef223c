// Starts the built simulator (node out/main/sim.js) as its own process, the
// way a developer runs `npm run sim`, and hands its endpoints to the tests.
import { spawn } from 'node:child_process';

export interface RunningSimulator {
  awsEndpoint: string;
  githubApiUrl: string;
  stop: () => Promise<void>;
}

/**
 * `awsPort` starts it on a known port (0: any free one), e.g. to bring it back
 * where a workspace expects it; `scale` sizes the `scale` scenario (pipelines).
 */
export async function startSimulatorProcess(scenario = 'demo', awsPort = 0, scale?: number): Promise<RunningSimulator> {
  const child = spawn(
    process.execPath,
    [
      'out/main/sim.js',
      ...['--port', String(awsPort), '--github-port', '0', '--scenario', scenario],
      ...(scale === undefined ? [] : ['--scale', String(scale)]),
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const endpoints = await new Promise<{ aws: string; github: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the simulator did not start:\n${output}`)), 15_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const aws = /AWS endpoint[^:]*:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      const github = /GitHub API:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (aws && github) {
        clearTimeout(timer);
        resolve({ aws, github });
      }
    });
    child.once('exit', (code) => reject(new Error(`the simulator exited with ${code}:\n${output}`)));
  });
  return {
    awsEndpoint: endpoints.aws,
    githubApiUrl: endpoints.github,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
