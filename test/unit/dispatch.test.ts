import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createDispatch, type CommandHandlers, type QueryHandlers } from '../../src/main/hub/dispatch';
import { commandNames, queryNames } from '../../src/shared/contract-names';
import { ok } from '../../src/shared/result';
import { recordingLogger, tempDir, tempHub } from '../support/temp-hub';

function spyHandlers() {
  const spies = (names: readonly string[]) => Object.fromEntries(names.map((name) => [name, vi.fn()]));
  const queries = {
    ...spies(queryNames),
    'settings.get': vi.fn(async () => ok({ theme: 'system' as const })),
  } as unknown as QueryHandlers;
  const commands = {
    ...spies(commandNames),
    'settings.update': vi.fn(async () => ok({ theme: 'dark' as const })),
  } as unknown as CommandHandlers;
  return { queries, commands };
}

describe('dispatch: the gate every message passes (RELIABILITY S03)', () => {
  const handlers = spyHandlers();
  const log = recordingLogger();
  const dispatch = createDispatch(handlers, log);
  afterEach(() => vi.clearAllMocks());

  const hostile: [string, unknown][] = [
    ['a wrong type', { theme: 42 }],
    ['an unknown enum value', { theme: 'neon' }],
    ['an extra key', { theme: 'dark', admin: true }],
    ['a __proto__ key', JSON.parse('{"__proto__": {"polluted": true}}')],
    ['a constructor key', JSON.parse('{"constructor": {"prototype": {"polluted": true}}}')],
    ['a 10 MB string', { theme: 'x'.repeat(10 * 1024 * 1024) }],
    ['null', null],
    ['an array', ['dark']],
    ['a string', 'dark'],
    ['undefined', undefined],
  ];

  it.each(hostile)('rejects %s with invalid-input and never calls the handler', async (_label, payload) => {
    const result = await dispatch('command', 'settings.update', payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(handlers.commands['settings.update']).not.toHaveBeenCalled();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each([['nope'], ['__proto__'], ['toString'], ['constructor'], [42], [null], ['settings.get']])(
    'rejects the unknown command name %s',
    async (name) => {
      const result = await dispatch('command', name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-message' } });
    },
  );

  it('keeps queries and commands apart: a query name is not a command', async () => {
    expect(await dispatch('command', 'settings.get', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-message' },
    });
    expect(await dispatch('query', 'settings.update', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-message' },
    });
  });

  it('passes parsed input to the handler', async () => {
    const result = await dispatch('command', 'settings.update', { theme: 'dark' });
    expect(result).toEqual({ ok: true, value: { theme: 'dark' } });
    expect(handlers.commands['settings.update']).toHaveBeenCalledWith({ theme: 'dark' });
  });

  it('names the field that is wrong', async () => {
    const result = await dispatch('command', 'settings.update', { theme: 7 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues?.[0]?.path).toBe('theme');
  });

  it('turns a throwing handler into a typed internal error without its message', async () => {
    const throwing = spyHandlers();
    throwing.queries['settings.get'] = () => Promise.reject(new Error('secret detail AKIAEXAMPLE'));
    const result = await createDispatch(throwing, log)('query', 'settings.get', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('AKIAEXAMPLE');
  });

  it('logs each rejection', async () => {
    const before = log.lines.length;
    await dispatch('command', 'nope', {});
    expect(log.lines.length).toBe(before + 1);
  });
});

describe('approvals.decide input (RELIABILITY S03, S07, P07)', () => {
  const { dir, remove } = tempDir();
  afterAll(remove);
  const { hub } = tempHub(dir);
  const valid = {
    requestId: '3b241101-e2bb-4255-8caf-4136c566a962',
    approvalId: 'apv_0123456789abcdefXYZ',
    decision: 'approve',
    comment: 'Ship it 🚀 — שלום',
  };

  it.each<[string, Record<string, unknown>]>([
    ['a non-UUID request id', { requestId: 'not-a-uuid' }],
    ['an approval id that main did not mint', { approvalId: '../x' }],
    ['an unknown decision', { decision: 'approve-all' }],
    ['a 513-character comment', { comment: 'x'.repeat(513) }],
    ['control characters in the comment', { comment: 'ok\u0007\u001b[31m' }],
  ])('rejects %s', async (_label, change) => {
    const result = await hub.dispatch('command', 'approvals.decide', { ...valid, ...change });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('accepts unicode and an empty comment, and refuses an approval it never minted', async () => {
    for (const comment of [valid.comment, '']) {
      const result = await hub.dispatch('command', 'approvals.decide', { ...valid, comment });
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-approval' } });
    }
  });
});
