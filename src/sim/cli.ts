// `npm run sim -- --port N --scenario NAME --seed N --scale N`: serves the
// simulated AWS account and GitHub host on loopback until interrupted.
import { parseArgs } from 'node:util';
import { startSimulator } from './index';
import { isScenarioName, scenarioNames } from './scenarios';

export interface CliOptions {
  port: number;
  githubPort: number;
  scenario: (typeof scenarioNames)[number];
  seed: number;
  scale: number;
}

export function parseCliArgs(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '4566' },
      'github-port': { type: 'string', default: '0' },
      scenario: { type: 'string', default: 'demo' },
      seed: { type: 'string', default: '1' },
      scale: { type: 'string', default: '50' },
    },
  });
  const integer = (name: string, text: string, min: number, max: number): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`--${name} must be an integer from ${min} to ${max}, not ${text}`);
    return n;
  };
  if (!isScenarioName(values.scenario)) throw new Error(`--scenario must be one of ${scenarioNames.join(', ')}`);
  return {
    port: integer('port', values.port, 0, 65535),
    githubPort: integer('github-port', values['github-port'], 0, 65535),
    scenario: values.scenario,
    seed: integer('seed', values.seed, 0, 2 ** 32 - 1),
    scale: integer('scale', values.scale, 1, 5000),
  };
}

export function usage(
  awsEndpoint: string,
  githubApiUrl: string,
  githubEnterpriseApiUrl: string,
  scenario: string,
): string {
  return [
    `Starboard simulator: scenario "${scenario}"`,
    `  AWS endpoint (all services):  ${awsEndpoint}`,
    `  GitHub API:                   ${githubApiUrl}`,
    `  GitHub Enterprise-style API:  ${githubEnterpriseApiUrl}`,
    '',
    'Point the AWS CLI at it with dummy credentials:',
    '  export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=sim AWS_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true',
    `  aws --endpoint-url ${awsEndpoint} codepipeline get-pipeline-state --name storefront-pipeline`,
    `  (or export AWS_ENDPOINT_URL=${awsEndpoint} for every service)`,
    '',
    'Press Ctrl+C to stop.',
  ].join('\n');
}

async function main(): Promise<void> {
  const options = parseCliArgs(process.argv.slice(2));
  const sim = await startSimulator(options);
  console.log(usage(sim.awsEndpoint, sim.githubApiUrl, sim.githubEnterpriseApiUrl, options.scenario));
  const stop = (signal: string): void => {
    console.log(`\n${signal}: stopping the simulator`);
    sim.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

// Only run when executed, so tests can import the parser.
if (process.argv[1] !== undefined && /(^|[\\/])(sim|cli)\.(js|ts|mjs)$/.test(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
