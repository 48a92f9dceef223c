// RELIABILITY A11 and A13 with the real AWS SDK clients built from
// clientConfig, the way the app builds them.
// A11 (clock 20 minutes off): the simulator does not check signing times, so
// a small endpoint in this file does, the way AWS's JSON services do
// (InvalidSignatureException "Signature expired", a Date header with its own
// time). A13 (a listing that never ends): the simulator's ListProjects with
// its continuation token replaced by one that always comes back.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CodeBuildClient, ListProjectsCommand } from '@aws-sdk/client-codebuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { maxListingPages } from '../../../src/main/sources/aws/batching';
import { clientConfig, readMaxAttempts } from '../../../src/main/sources/aws/client-config';
import { awsProblem } from '../../../src/main/sources/aws/problems';
import { startBuildRig, type BuildRig } from './support-codebuild';

const twentyMinutes = 20 * 60_000;

/** An AWS-like endpoint whose clock runs `aheadMs` ahead of this machine's, refusing requests signed too far off. */
interface SkewedEndpoint {
  url: string;
  /** Requests received, refused or answered. */
  requests: number;
  /** How far ahead the endpoint's clock is; `drift` moves it further after every refusal. */
  aheadMs: number;
  drift: number;
  close(): Promise<void>;
}

/** x-amz-date (20260101T000000Z) as epoch milliseconds. */
function amzDate(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

async function startSkewedEndpoint(aheadMs: number): Promise<SkewedEndpoint> {
  const state = { requests: 0, aheadMs, drift: 0 };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      state.requests += 1;
      const serverNow = Date.now() + state.aheadMs;
      const signedAt = amzDate(String(req.headers['x-amz-date'] ?? ''));
      const headers = {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-requestid': `req-${state.requests}`,
        date: new Date(serverNow).toUTCString(),
      };
      if (!(Math.abs(serverNow - signedAt) <= 5 * 60_000)) {
        state.aheadMs += state.drift;
        res.writeHead(400, headers);
        res.end(
          JSON.stringify({
            __type: 'InvalidSignatureException',
            message: `Signature expired: ${String(req.headers['x-amz-date'])} is now earlier than ${new Date(serverNow - 5 * 60_000).toISOString()} (${new Date(serverNow).toISOString()} - 5 min.)`,
          }),
        );
        return;
      }
      res.writeHead(200, headers);
      res.end(JSON.stringify({ projects: ['storefront-build'] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

function clients(url: string): { read: CodeBuildClient; write: CodeBuildClient } {
  const target = {
    accountKey: 'skewed',
    region: 'eu-west-1',
    credentials: () => Promise.resolve({ accessKeyId: 'AKIASKEWTEST00000000', secretAccessKey: 'skew-test-secret' }),
    endpointUrl: url,
  };
  return {
    read: new CodeBuildClient(clientConfig(target, 'read')),
    write: new CodeBuildClient(clientConfig(target, 'write')),
  };
}

/** What a failing call threw. */
async function failure(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('a local clock 20 minutes off (RELIABILITY A11)', () => {
  let endpoint: SkewedEndpoint;
  let made: ReturnType<typeof clients>;
  beforeAll(async () => {
    endpoint = await startSkewedEndpoint(twentyMinutes);
  });
  afterAll(() => endpoint.close());
  afterEach(() => {
    made.read.destroy();
    made.write.destroy();
  });

  it('is corrected by the SDK for a read: one refusal, then the call succeeds with the offset learnt', async () => {
    endpoint.requests = 0;
    made = clients(endpoint.url);
    const out = await made.read.send(new ListProjectsCommand({}));
    expect(out.projects).toEqual(['storefront-build']);
    expect(out.$metadata.attempts).toBe(2);
    expect(endpoint.requests).toBe(2);
    // The client keeps the offset: the next read is right the first time.
    expect(Math.abs(made.read.config.systemClockOffset - twentyMinutes)).toBeLessThan(60_000);
    const again = await made.read.send(new ListProjectsCommand({}));
    expect(again.$metadata.attempts).toBe(1);
    expect(endpoint.requests).toBe(3);
  });

  it('never replays a write: it fails once with a "check your clock" problem, and the next write is signed right', async () => {
    endpoint.requests = 0;
    made = clients(endpoint.url);
    const error = await failure(made.write.send(new ListProjectsCommand({})));
    expect(endpoint.requests).toBe(1);
    const problem = awsProblem(error, 'codebuild:ListProjects');
    // Not "credentials-expired": a new sign-in would not fix a clock, and would pause the account.
    expect(problem.code).toBe('internal');
    expect(problem.message).toMatch(/this computer's clock is off\. Check its date, time and time zone/);
    const next = await made.write.send(new ListProjectsCommand({}));
    expect(next.projects).toEqual(['storefront-build']);
    expect(endpoint.requests).toBe(2);
  });

  it('stops after the read attempts when the clock cannot be corrected, with the same clear problem', async () => {
    const drifting = await startSkewedEndpoint(twentyMinutes);
    // Every refusal moves the endpoint's clock another 10 minutes: each correction is already stale.
    drifting.drift = 10 * 60_000;
    made = clients(drifting.url);
    try {
      const error = await failure(made.read.send(new ListProjectsCommand({})));
      expect(drifting.requests).toBe(readMaxAttempts);
      expect((error as { $metadata?: { attempts?: number } }).$metadata?.attempts).toBe(readMaxAttempts);
      expect(awsProblem(error, 'codebuild:ListProjects').message).toMatch(/clock is off/);
    } finally {
      await drifting.close();
    }
  });
});

describe('a listing that never ends (RELIABILITY A13)', () => {
  let rig: BuildRig;
  beforeAll(async () => {
    rig = await startBuildRig('demo', 1);
  });
  afterAll(() => rig.close());

  it('gives up after the page limit with a problem, keeping what it had, instead of looping forever', async () => {
    const before = await rig.source.refreshProjects();
    expect(before.problem).toBeUndefined();
    expect(before.projects.length).toBeGreaterThan(0);
    rig.read.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName !== 'ListProjectsCommand') return next(args);
        // An endpoint that answers every page with the same token: the SDK's paginator would follow it for ever.
        const input = args.input as { nextToken?: string };
        const result = await next(
          input.nextToken === 'again' ? { ...args, input: { ...input, nextToken: undefined } } : args,
        );
        (result.output as { nextToken?: string }).nextToken = 'again';
        return result;
      },
      { step: 'initialize', name: 'endlessListing' },
    );
    try {
      rig.sim.requests.reset();
      const read = await rig.source.refreshProjects();
      expect(rig.calls('ListProjects')).toBe(maxListingPages + 1);
      expect(rig.calls('BatchGetProjects')).toBe(0);
      expect(read.problem).toMatchObject({
        code: 'internal',
        message: expect.stringContaining('did not end') as string,
      });
      expect(read.projects).toEqual(before.projects);
    } finally {
      rig.read.middlewareStack.remove('endlessListing');
    }
  });
});
