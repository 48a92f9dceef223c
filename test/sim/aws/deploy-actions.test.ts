// The simulator's CloudFormation and ECS deploy actions: a pipeline execution
// really updates its stack and rolls its service out, and the action's
// outcome follows theirs (a rollback or the circuit breaker fails it).
import { describe, expect, it } from 'vitest';
import { buildWorld } from '../../../src/sim/aws';
import { buildStage, cloudFormationStage, connectionSource, ecsStage } from '../../../src/sim/aws/scenarios/stages';
import type { World } from '../../../src/sim/aws/world';
import { hours } from '../../../src/sim/aws/world/context';
import type { Execution } from '../../../src/sim/aws/world/pipeline-model';

const start = Date.UTC(2026, 0, 15, 9, 0, 0);

/** An empty account with one stack, one service and the pipeline that deploys both. */
function account(): { world: World; run: () => Execution } {
  const world = buildWorld('empty', 3, 1, start);
  world.codebuild.addProject('api-build', { tests: { passed: 1, failing: { file: 'a', name: 'b', error: 'c' } } });
  world.cloudformation.addStack('api-staging');
  world.ecs.addService('prod', 'api-prod', 4);
  const pipeline = world.pipelines.add('api', [
    connectionSource('arn:aws:codeconnections:us-east-1:111122223333:connection/x', 'acme/api'),
    buildStage('api-build'),
    cloudFormationStage('Staging', 'api-staging', { templatePath: 'SourceArtifact::stack.yml', roleArn: 'r' }),
    ecsStage('Production', 'prod', 'api-prod'),
  ]);
  return {
    world,
    run: () => {
      const execution = world.pipelines.start(pipeline);
      world.runUntil(world.now() + 2 * hours);
      return execution;
    },
  };
}

const stageOf = (execution: Execution, stage: string) =>
  execution.actionExecutions.filter((ae) => ae.stageName === stage).map((ae) => ae.status);

describe('CloudFormation and ECS deploy actions', () => {
  it('update the stack, then roll the service out to a new task definition revision', () => {
    const { world, run } = account();
    const execution = run();
    expect(execution.status).toBe('Succeeded');
    const stack = world.cloudformation.stacks.get('api-staging');
    expect(stack?.status).toBe('UPDATE_COMPLETE');
    expect(stack?.events.filter((e) => e.logicalId === 'Service').map((e) => e.status)).toEqual([
      'CREATE_IN_PROGRESS',
      'CREATE_IN_PROGRESS',
      'CREATE_COMPLETE',
      'UPDATE_IN_PROGRESS',
      'UPDATE_COMPLETE',
    ]);
    const service = world.ecs.service('prod', 'api-prod');
    expect(service?.deployments).toEqual([
      expect.objectContaining({
        status: 'PRIMARY',
        rolloutState: 'COMPLETED',
        running: 4,
        taskDefinition: expect.stringMatching(/task-definition\/api-prod:2$/) as unknown,
      }),
    ]);
    expect(service?.events[0]?.message).toBe('(service api-prod) has reached a steady state.');
  });

  it('fail when the stack rolls back, and production is not touched', () => {
    const { world, run } = account();
    const stack = world.cloudformation.stacks.get('api-staging');
    if (!stack) throw new Error('no stack');
    stack.failNext = { logicalId: 'TaskDefinition', reason: 'Invalid request provided', cancels: ['Service'] };
    const execution = run();
    expect(execution.status).toBe('Failed');
    expect(stageOf(execution, 'Staging')).toEqual(['Failed']);
    expect(stageOf(execution, 'Production')).toEqual([]);
    expect(execution.statusSummary).toBe(
      'Stack api-staging is in UPDATE_ROLLBACK_COMPLETE state. The following resource(s) failed to update: [Service, TaskDefinition].',
    );
    expect(stack.events.filter((e) => e.status === 'UPDATE_FAILED').map((e) => [e.logicalId, e.reason])).toEqual([
      ['TaskDefinition', 'Invalid request provided'],
      ['Service', 'Resource update cancelled'],
    ]);
    expect(world.ecs.service('prod', 'api-prod')?.revision).toBe(1);
    // The failure was for one update only: the next release goes through.
    expect(run().status).toBe('Succeeded');
  });

  it('fail when the circuit breaker stops the rollout', () => {
    const { world, run } = account();
    const service = world.ecs.service('prod', 'api-prod');
    if (!service) throw new Error('no service');
    service.failNext = 1;
    const execution = run();
    expect(execution.status).toBe('Failed');
    expect(stageOf(execution, 'Production')).toEqual(['Failed']);
    expect(execution.statusSummary).toBe('ECS deployment circuit breaker: tasks failed to start.');
    expect(service.deployments[0]).toMatchObject({ rolloutState: 'FAILED', running: 0 });
  });

  it('create a stack the account does not have yet', () => {
    const { world, run } = account();
    world.cloudformation.stacks.delete('api-staging');
    expect(run().status).toBe('Succeeded');
    expect(world.cloudformation.stacks.get('api-staging')?.status).toBe('CREATE_COMPLETE');
  });
});
