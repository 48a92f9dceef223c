// codedeploy.deployments.stop at the gate: what is not a CodeDeploy
// deployment id (or not a yes/no rollback choice) never reaches a handler,
// and a real hub refuses an id its snapshot does not hold without calling AWS.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type CommandHandlers, createDispatch, type QueryHandlers } from '../../src/main/hub/dispatch';
import { ok } from '../../src/shared/result';
import { recordingLogger, tempDir, tempHub } from '../support/temp-hub';

describe('codedeploy.deployments.stop input', () => {
  const handler = vi.fn(async () => ok({ status: 'Pending', message: '' }));
  const dispatch = createDispatch(
    {
      queries: {} as QueryHandlers,
      commands: { 'codedeploy.deployments.stop': handler } as unknown as CommandHandlers,
    },
    recordingLogger(),
  );

  it.each<[string, unknown]>([
    ['an empty id', { deploymentId: '', autoRollback: false }],
    ['an id without the d- prefix', { deploymentId: 'ABCDEFGHI', autoRollback: false }],
    ['a capital D- prefix', { deploymentId: 'D-ABCDEFGHI', autoRollback: false }],
    ['a path in the id', { deploymentId: 'd-ABC/../x', autoRollback: false }],
    ['a 43-character id', { deploymentId: `d-${'A'.repeat(41)}`, autoRollback: false }],
    ['a number for the id', { deploymentId: 42, autoRollback: false }],
    ['no rollback choice', { deploymentId: 'd-ABCDEFGHI' }],
    ['a rollback choice as text', { deploymentId: 'd-ABCDEFGHI', autoRollback: 'yes' }],
    ['an extra key', { deploymentId: 'd-ABCDEFGHI', autoRollback: true, region: 'eu-west-1' }],
    ['null', null],
  ])('refuses %s before any handler', async (_label, payload) => {
    const result = await dispatch('command', 'codedeploy.deployments.stop', payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('passes a well-formed request on', async () => {
    const input = { deploymentId: 'd-ABCDEFGHI', autoRollback: true };
    expect(await dispatch('command', 'codedeploy.deployments.stop', input)).toMatchObject({ ok: true });
    expect(handler).toHaveBeenCalledWith(input);
  });
});

describe('codedeploy.deployments.stop in a hub whose snapshot has no such deployment', () => {
  const { dir, remove } = tempDir();
  const { hub, aws } = tempHub(dir);
  afterAll(async () => {
    await hub.close();
    remove();
  });

  it('answers not-found and asks AWS nothing', async () => {
    const result = await hub.dispatch('command', 'codedeploy.deployments.stop', {
      deploymentId: 'd-ABCDEFGHI',
      autoRollback: true,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(aws.targets).toEqual([]);
  });
});
