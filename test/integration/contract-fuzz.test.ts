// Fuzzing the boundary (issue 11): random and hostile payloads for every
// query and command, through the gate itself, the IPC handlers (the electron
// module replaced at its boundary) and browser mode's HTTP API, on the real
// hub over the demo workspace. None may reach a handler unvalidated, crash
// Starboard, or make a provider write; a valid decision afterwards still
// sends exactly one, so the simulator was listening all along.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDispatch, type CommandHandlers, type QueryHandlers } from '../../src/main/hub/dispatch';
import type { Hub } from '../../src/main/hub/hub';
import { silentLogger } from '../../src/main/hub/log';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import { commands, queries } from '../../src/shared/contract';
import { commandNames, queryNames, type MessageKind } from '../../src/shared/contract-names';
import type { ApprovalSummary, Workspace } from '../../src/shared/model';
import { ok, type Result } from '../../src/shared/result';
import { fakeElectron } from '../support/fake-electron';
import { composedHub, tempDir } from '../support/temp-hub';
import { rawRequest } from '../support/web';

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectron);
const { registerIpc } = await import('../../src/main/shell/ipc');

/** Provider calls that change something: none may follow a refused message. */
const writes = [
  'codepipeline.PutApprovalResult',
  'codepipeline.StartPipelineExecution',
  'codepipeline.StopPipelineExecution',
  'codepipeline.RetryStageExecution',
  'codebuild.StopBuild',
  'codebuild.RetryBuild',
  'codebuild.StartBuild',
  'codedeploy.StopDeployment',
  'github.actions/review-pending-deployments-for-run',
  'github.actions/re-run-workflow',
  'github.actions/re-run-workflow-failed-jobs',
  'github.actions/cancel-workflow-run',
];

const specs: Record<MessageKind, Record<string, { input: { safeParse(v: unknown): { success: boolean } } }>> = {
  query: queries,
  command: commands,
};
const names: [MessageKind, string][] = [
  ...queryNames.map((n): [MessageKind, string] => ['query', n]),
  ...commandNames.map((n): [MessageKind, string] => ['command', n]),
];
const invalidFor = (kind: MessageKind, name: string, payload: unknown) =>
  !specs[kind][name]?.input.safeParse(payload).success;

/** Text that has broken other apps: markup, template syntax, terminal escapes, prototype keys, odd Unicode. */
const hostileText = fc.oneof(
  fc.constantFrom(
    '<img src=x onerror=alert(1)>',
    '{{constructor.constructor("alert(1)")()}}',
    '${process.exit(1)}',
    '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007',
    '\u001b[2J\u001b[H',
    '__proto__',
    '../../../../etc/passwd',
    'apv_' + 'A'.repeat(64),
    '\u202eevil',
    '\ud800',
    'x'.repeat(100_000),
  ),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
);
const hostileValue = fc.oneof(
  fc.anything({ maxDepth: 3, withObjectString: true, withNullPrototype: true }),
  hostileText,
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
  fc.dictionary(
    fc.constantFrom('approvalId', 'requestId', 'decision', 'comment', 'resourceId', 'buildArn'),
    hostileText,
  ),
);
/** A decision that looks right but names an approval main never minted. */
const nearValidDecision = fc.record({
  requestId: fc.uuid({ version: 4 }),
  approvalId: fc.stringMatching(/^apv_[A-Za-z0-9_-]{16,64}$/),
  decision: fc.constantFrom('approve', 'reject'),
  comment: hostileText,
});

const { dir, remove } = tempDir();
let hub: Hub;
let server: WebServer;
const token = 'fuzz-token-0123456789abcdef01234567';
let simRequests: () => Promise<Record<string, number>>;

beforeAll(async () => {
  hub = composedHub(dir);
  expect(await hub.dispatch('command', 'demo.open', {})).toMatchObject({ ok: true });
  const workspace = (await hub.dispatch('query', 'workspace.get', {})) as Result<Workspace>;
  const endpoint = workspace.ok ? workspace.value.awsAccounts[0]?.endpointUrl : undefined;
  if (!endpoint) throw new Error('the demo has no simulator endpoint');
  simRequests = async () => (await (await fetch(`${endpoint}/_sim/requests`)).json()) as Record<string, number>;
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Starboard</title>');
  server = await startWebServer({ hub, rendererDir, token, port: 0, log: silentLogger });
  registerIpc(hub, ['app://bundle'], silentLogger);
  // Fuzz while real approvals wait, so a payload that slipped through would have something to decide.
  for (let tries = 0; !(await awsApproval()); tries += 1) {
    if (tries > 200) throw new Error('the demo has no AWS approval waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 60_000);

async function awsApproval(): Promise<ApprovalSummary | undefined> {
  const list = (await hub.dispatch('query', 'approvals.list', {})) as Result<ApprovalSummary[]>;
  return list.ok ? list.value.find((a) => a.provider === 'aws' && !a.submitting) : undefined;
}

afterAll(async () => {
  await server.close();
  await hub.close();
  remove();
});

const writesSent = async (): Promise<Record<string, number>> => {
  const counts = await simRequests();
  return Object.fromEntries(writes.map((w): [string, number] => [w, counts[w] ?? 0]).filter(([, n]) => n !== 0));
};

describe('fuzzing the boundary (RELIABILITY S03, S07)', () => {
  it('lets a handler see only what its schema accepts, and exactly the parsed value', async () => {
    const seen: { name: string; input: unknown }[] = [];
    const table = (list: readonly string[]) =>
      Object.fromEntries(
        list.map((name) => [
          name,
          (input: unknown) => {
            seen.push({ name, input });
            return Promise.resolve(ok({}));
          },
        ]),
      );
    const dispatch = createDispatch(
      { queries: table(queryNames) as QueryHandlers, commands: table(commandNames) as CommandHandlers },
      silentLogger,
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), hostileValue, async ([kind, name], payload) => {
        seen.length = 0;
        const result = await dispatch(kind, name, payload);
        const parsed = (
          specs[kind][name]?.input as { safeParse(v: unknown): { success: boolean; data?: unknown } }
        ).safeParse(payload);
        if (!parsed.success) {
          expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
          expect(seen).toEqual([]);
        } else {
          expect(seen).toEqual([{ name, input: parsed.data }]);
        }
      }),
      { numRuns: 600 },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<MessageKind>('query', 'command'), hostileValue, async (kind, name) => {
        seen.length = 0;
        if (typeof name === 'string' && Object.hasOwn(specs[kind], name)) return;
        expect(await dispatch(kind, name, {})).toMatchObject({ ok: false, error: { code: 'unknown-message' } });
        expect(seen).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses hostile payloads over HTTP and IPC without a provider write or a crash', async () => {
    const before = await writesSent();
    const ipc = (kind: MessageKind, name: string, frame: unknown, payload: unknown) => {
      const handler = fakeElectron.ipcMain.handlers.get(`starboard:${kind}:${name}`);
      if (!handler) throw new Error(`no handler for ${name}`);
      return handler({ senderFrame: frame }, payload) as Promise<Result<unknown>>;
    };
    const ownFrame = { url: 'app://bundle/index.html', parent: null };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        hostileValue,
        fc.constantFrom('http', 'ipc', 'ipc-foreign'),
        async ([kind, name], payload, transport) => {
          if (!invalidFor(kind, name, payload)) return;
          if (transport === 'http') {
            // JSON.stringify(undefined) is undefined, despite its declared type: send it as the bare word.
            const body = (JSON.stringify(payload) as string | undefined) ?? 'undefined';
            const response = await rawRequest(server.port, `/${token}/api/${kind}/${name}`, {
              method: 'POST',
              headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json' },
              body,
            });
            expect(response.status).toBeGreaterThanOrEqual(400);
            expect(response.status).toBeLessThan(500);
          } else {
            const frame = transport === 'ipc' ? ownFrame : { url: 'https://evil.example/', parent: null };
            expect(await ipc(kind, name, frame, payload)).toMatchObject({ ok: false });
          }
        },
      ),
      { numRuns: 400 },
    );
    await fc.assert(
      fc.asyncProperty(nearValidDecision, async (decision) => {
        const result = await ipc('command', 'approvals.decide', ownFrame, decision);
        expect(result).toMatchObject({ ok: false });
      }),
      { numRuns: 100 },
    );
    expect(await writesSent()).toEqual(before);

    // Still standing, and still deciding: one valid decision is one write.
    const approval = await awsApproval();
    if (!approval) throw new Error('the demo has no AWS approval waiting');
    const decided = await ipc('command', 'approvals.decide', ownFrame, {
      requestId: randomUUID(),
      approvalId: approval.approvalId,
      decision: 'approve',
      comment: '<b>fuzzed</b>',
    });
    expect(decided).toMatchObject({ ok: true });
    const after = await writesSent();
    expect(after['codepipeline.PutApprovalResult'] ?? 0).toBe((before['codepipeline.PutApprovalResult'] ?? 0) + 1);
  }, 120_000);
});
