import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountKeyFor } from '../../src/main/hub/aws-account-handlers';
import { PromptBroker } from '../../src/main/hub/prompts';
import type { AwsAccountStatus } from '../../src/shared/aws-accounts';
import type { HubEvent } from '../../src/shared/contract';
import type { Hub } from '../../src/main/hub/hub';
import { FakeAwsBackend } from '../support/fake-aws-backend';
import { fakeDemo, recordingLogger, tempDir, tempHub } from '../support/temp-hub';

async function accountList(hub: Hub): Promise<AwsAccountStatus[]> {
  const result = await hub.dispatch('query', 'aws.accounts', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value as AwsAccountStatus[];
}

describe('AWS accounts in the workspace', () => {
  let dir: string;
  let remove: () => void;
  let aws: FakeAwsBackend;
  beforeEach(() => {
    ({ dir, remove } = tempDir());
    aws = new FakeAwsBackend();
  });
  afterEach(() => remove());
  const hubWith = () => tempHub(dir, recordingLogger(), fakeDemo(), aws);

  it('lists the profiles the backend found', async () => {
    const { hub } = hubWith();
    expect(await hub.dispatch('query', 'aws.profiles', {})).toEqual({ ok: true, value: aws.profiles });
  });

  it('adds an account, checks who it is and keeps it in the settings file', async () => {
    aws.identities.set('work', { accountId: '111122223333', arn: 'arn:aws:sts::111122223333:assumed-role/Dev/me' });
    const { hub, store } = hubWith();
    const added = await hub.dispatch('command', 'aws.accounts.add', {
      label: 'Work',
      profile: 'work',
      regions: ['eu-west-1'],
    });
    expect(added).toMatchObject({
      ok: true,
      value: {
        accountKey: 'work',
        state: 'ok',
        identity: { accountId: '111122223333', arn: 'arn:aws:sts::111122223333:assumed-role/Dev/me' },
      },
    });
    expect(store.workspace.awsAccounts).toEqual([
      { id: 'work', label: 'Work', profile: 'work', regions: ['eu-west-1'] },
    ]);
  });

  it('marks an account whose login expired as needing sign-in, and leaves the others alone', async () => {
    aws.identities.set('other', { accountId: '444455556666', arn: 'arn:aws:iam::444455556666:user/me' });
    const { hub } = hubWith();
    await hub.dispatch('command', 'aws.accounts.add', { label: 'Work', profile: 'work', regions: ['eu-west-1'] });
    await hub.dispatch('command', 'aws.accounts.add', { label: 'Other', profile: 'other', regions: ['us-east-1'] });
    expect((await accountList(hub)).map((a) => [a.accountKey, a.state])).toEqual([
      ['work', 'needs-sign-in'],
      ['other', 'ok'],
    ]);
  });

  it('signs in with SSO, shows the code, then checks the account again', async () => {
    const { hub } = hubWith();
    const events: HubEvent[] = [];
    hub.subscribe((event) => events.push(event));
    await hub.dispatch('command', 'aws.accounts.add', { label: 'Work', profile: 'work', regions: ['eu-west-1'] });
    expect(await hub.dispatch('command', 'aws.accounts.signIn', { accountKey: 'work' })).toMatchObject({
      ok: true,
      value: { state: 'starting' },
    });
    const waiting = events.filter((e) => e.name === 'aws.signIn.changed').at(-1);
    expect(waiting?.payload).toMatchObject({ state: 'waiting-for-user', userCode: 'ABCD-EFGH' });

    aws.identities.set('work', { accountId: '111122223333', arn: 'arn:aws:sts::111122223333:assumed-role/Dev/me' });
    aws.finishSignIn?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(aws.forgotten).toContain('work');
    expect((await accountList(hub))[0]?.state).toBe('ok');
  });

  it('cancels a sign-in', async () => {
    const { hub } = hubWith();
    const events: HubEvent[] = [];
    hub.subscribe((event) => events.push(event));
    await hub.dispatch('command', 'aws.accounts.add', { label: 'Work', profile: 'work', regions: ['eu-west-1'] });
    await hub.dispatch('command', 'aws.accounts.signIn', { accountKey: 'work' });
    await hub.dispatch('command', 'aws.accounts.cancelSignIn', { accountKey: 'work' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(events.filter((e) => e.name === 'aws.signIn.changed').at(-1)?.payload).toMatchObject({ state: 'cancelled' });
  });

  it('explains that a non-SSO profile cannot sign in from Starboard', async () => {
    aws.identities.set('keys', { code: 'credentials-expired', message: 'ExpiredToken' });
    const { hub } = hubWith();
    await hub.dispatch('command', 'aws.accounts.add', { label: 'Keys', profile: 'keys', regions: ['eu-west-1'] });
    expect(await hub.dispatch('command', 'aws.accounts.signIn', { accountKey: 'keys' })).toMatchObject({
      ok: true,
      value: { state: 'failed' },
    });
    const events: HubEvent[] = [];
    hub.subscribe((event) => events.push(event));
    await hub.dispatch('command', 'aws.accounts.signIn', { accountKey: 'keys' });
    expect(JSON.stringify(events.at(-1)?.payload)).toContain('does not sign in with IAM Identity Center');
  });

  it('removes an account', async () => {
    const { hub, store } = hubWith();
    await hub.dispatch('command', 'aws.accounts.add', { label: 'Work', profile: 'work', regions: ['eu-west-1'] });
    expect(await hub.dispatch('command', 'aws.accounts.remove', { accountKey: 'work' })).toEqual({
      ok: true,
      value: [],
    });
    expect(store.workspace.awsAccounts).toEqual([]);
    expect(await hub.dispatch('command', 'aws.accounts.remove', { accountKey: 'work' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('refuses to edit accounts while the demo shows', async () => {
    const { hub, store } = hubWith();
    await hub.dispatch('command', 'demo.open', {});
    expect(
      await hub.dispatch('command', 'aws.accounts.add', { label: 'Work', profile: 'work', regions: ['eu-west-1'] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(store.workspace.awsAccounts).toEqual([]);
  });

  it.each([
    [{ label: '', profile: 'work', regions: ['eu-west-1'] }],
    [{ label: 'W', profile: 'work', regions: [] }],
    [{ label: 'W', profile: 'work', regions: ['us-east-1/../x'] }],
    [{ label: 'W', profile: 'work', regions: ['eu-west-1'], secretAccessKey: 'x' }],
  ])('rejects bad account input %j before any check', async (input) => {
    const { hub } = hubWith();
    expect(await hub.dispatch('command', 'aws.accounts.add', input)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(aws.checks).toBe(0);
  });

  it('makes unique, readable account ids', () => {
    expect(accountKeyFor('Work (prod) EU', new Set())).toBe('work-prod-eu');
    expect(accountKeyFor('Work', new Set(['work', 'work-2']))).toBe('work-3');
    expect(accountKeyFor('☃', new Set())).toBe('aws');
  });
});

describe('prompts (RELIABILITY A05: never block main, cancel cleanly)', () => {
  it('asks, takes one answer, and forgets the prompt', async () => {
    const changes: number[] = [];
    const broker = new PromptBroker(
      (pending) => changes.push(pending.length),
      () => 'p1',
    );
    const answer = broker.ask({ kind: 'mfa', profile: 'admin', serial: 'arn:aws:iam::1:mfa/me' });
    expect(broker.pending()).toEqual([
      { promptId: 'p1', kind: 'mfa', profile: 'admin', serial: 'arn:aws:iam::1:mfa/me' },
    ]);
    expect(broker.answer('p1', '123456')).toBe(true);
    expect(await answer).toBe('123456');
    expect(broker.answer('p1', '654321')).toBe(false);
    expect(changes).toEqual([1, 0]);
  });

  it('settles with null when cancelled or aborted', async () => {
    const broker = new PromptBroker(
      () => {},
      () => 'p2',
    );
    const cancelled = broker.ask({ kind: 'mfa', profile: 'admin', serial: 's' });
    broker.answer('p2', null);
    expect(await cancelled).toBeNull();

    const controller = new AbortController();
    const aborted = new PromptBroker(() => {}).ask({ kind: 'mfa', profile: 'admin', serial: 's' }, controller.signal);
    controller.abort();
    expect(await aborted).toBeNull();
  });

  it('accepts only six digits through the contract', async () => {
    const { dir, remove } = tempDir();
    const { hub } = tempHub(dir);
    for (const code of ['12345', '1234567', 'abcdef', '12 456']) {
      expect(await hub.dispatch('command', 'prompts.answer', { promptId: 'x', code })).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
    expect(await hub.dispatch('command', 'prompts.answer', { promptId: 'x', code: '123456' })).toEqual({
      ok: true,
      value: { accepted: false },
    });
    remove();
  });
});
