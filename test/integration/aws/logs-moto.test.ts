// BuildLog against moto, an AWS emulator we did not write (ARCHITECTURE
// "Simulated accounts"): the end-of-stream rule (an unchanged forward token)
// holds there too. CodeBuild is not checked against moto: moto 5.2 sends
// CodeBuild timestamps as ISO text, which the SDK's JSON protocol rejects.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientConfig } from '../../../src/main/sources/aws/client-config';
import { BuildLog } from '../../../src/main/sources/aws/logs/build-log';

let moto: ChildProcess | undefined;
let endpoint = '';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function startMoto(): Promise<void> {
  const port = await freePort();
  endpoint = `http://127.0.0.1:${port}`;
  moto = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(`${endpoint}/moto-api/`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error('moto.server did not start (python3 -m moto.server)');
}

/** Counts the commands a client sends (moto keeps no request log of its own). */
function countCommands(client: CloudWatchLogsClient): string[] {
  const sent: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push(context.commandName ?? '?');
      return next(args);
    },
    { step: 'initialize', name: 'countCommands' },
  );
  return sent;
}

const target = () => ({
  accountKey: 'moto',
  region: 'us-east-1',
  credentials: async () => ({ accessKeyId: 'AKIDMOTO', secretAccessKey: 'secret' }),
  endpointUrl: endpoint,
});

beforeAll(startMoto, 30_000);
afterAll(() => {
  moto?.kill();
});

describe('BuildLog against moto', () => {
  it('reads forward pages, then only what was appended, and ends on an unchanged token', async () => {
    const client = new CloudWatchLogsClient(clientConfig(target(), 'read'));
    const stream = { group: '/aws/codebuild/api-build', stream: 'b1' };
    await client.send(new CreateLogGroupCommand({ logGroupName: stream.group }));
    await client.send(new CreateLogStreamCommand({ logGroupName: stream.group, logStreamName: stream.stream }));
    const put = (from: number, count: number) =>
      client.send(
        new PutLogEventsCommand({
          logGroupName: stream.group,
          logStreamName: stream.stream,
          logEvents: Array.from({ length: count }, (_, i) => ({
            timestamp: Date.now() - 60_000 + (from + i) * 100,
            message: `line ${from + i}`,
          })),
        }),
      );
    const log = new BuildLog(client, stream, { pageSize: 5 });
    expect(await log.read()).toMatchObject({ lines: [], state: 'open' });

    await put(0, 12);
    const sent = countCommands(client);
    const first = await log.readToEnd();
    expect(first.lines.map((l) => l.message)).toEqual(Array.from({ length: 12 }, (_, i) => `line ${i}`));
    expect(sent).toHaveLength(Math.ceil(12 / 5) + 1);

    await put(12, 3);
    expect((await log.read()).lines.map((l) => l.message)).toEqual(['line 12', 'line 13', 'line 14']);
    expect(await log.read()).toMatchObject({ lines: [], advanced: false });
    expect(log.lines).toHaveLength(15);

    const missing = new BuildLog(client, { group: stream.group, stream: 'not-yet' });
    expect(await missing.read()).toMatchObject({ state: 'no-log-yet' });
    client.destroy();
  });
});
