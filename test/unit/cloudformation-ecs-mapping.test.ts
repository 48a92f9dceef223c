// The CloudFormation and ECS mappings: which events are the last operation's
// failures, and how a service's PRIMARY deployment becomes its rollout.
import type { StackEvent as SdkStackEvent } from '@aws-sdk/client-cloudformation';
import type { Service } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import {
  lastOperationFailures,
  maxFailures,
  stackVersion,
  toStack,
} from '../../src/main/sources/aws/cloudformation/stack-mapping';
import { toEcsService } from '../../src/main/sources/aws/ecs/service-mapping';

const stackType = 'AWS::CloudFormation::Stack';
let clock = Date.UTC(2026, 0, 15, 12, 0, 0);
/** Builds events oldest first, then hands them back newest first as DescribeStackEvents does. */
function events(...specs: [logicalId: string, status: string, reason?: string][]): SdkStackEvent[] {
  return specs
    .map(([logicalId, status, reason]) => ({
      StackId: 'arn:stack/app',
      EventId: `${logicalId}-${status}-${clock}`,
      StackName: 'app',
      LogicalResourceId: logicalId,
      ResourceType: logicalId === 'app' ? stackType : 'AWS::ECS::Service',
      ResourceStatus: status,
      ResourceStatusReason: reason,
      Timestamp: new Date((clock += 1000)),
    }))
    .reverse() as SdkStackEvent[];
}

describe('lastOperationFailures', () => {
  it('keeps the failures since the last operation started, newest first, and not those of earlier ones', () => {
    const read = lastOperationFailures(
      events(
        ['app', 'UPDATE_IN_PROGRESS'],
        ['Old', 'UPDATE_FAILED', 'an earlier failure'],
        ['app', 'UPDATE_ROLLBACK_COMPLETE'],
        ['app', 'UPDATE_IN_PROGRESS', 'User Initiated'],
        ['Service', 'UPDATE_FAILED', 'Invalid request provided'],
        ['Listener', 'UPDATE_FAILED', 'Resource update cancelled'],
        ['app', 'UPDATE_ROLLBACK_IN_PROGRESS', 'The following resource(s) failed to update: [Service].'],
        ['Service', 'UPDATE_COMPLETE'],
        ['app', 'UPDATE_ROLLBACK_COMPLETE'],
      ),
      'app',
    );
    expect(read.reachedStart).toBe(true);
    expect(read.failures.map((f) => [f.logicalId, f.reason])).toEqual([
      ['Listener', 'Resource update cancelled'],
      ['Service', 'Invalid request provided'],
    ]);
    expect(read.failures[0]).toMatchObject({ status: 'UPDATE_FAILED', resourceType: 'AWS::ECS::Service' });
    expect(read.failures[0]?.at).toMatch(/^2026-01-15T12:00:\d\d\.000Z$/);
  });

  it('says when the start was not among the events read (more pages needed), and caps the failures', () => {
    const many = Array.from({ length: 15 }, (_, i): [string, string] => [`R${i}`, 'UPDATE_FAILED']);
    const read = lastOperationFailures(events(...many), 'app');
    expect(read.reachedStart).toBe(false);
    expect(read.failures).toHaveLength(maxFailures);
    expect(read.failures[0]?.logicalId).toBe('R14');
  });

  it('does not take a rollback or a resource named like the stack for the start of an operation', () => {
    const read = lastOperationFailures(
      events(['app', 'CREATE_IN_PROGRESS'], ['Service', 'CREATE_FAILED', 'boom'], ['app', 'ROLLBACK_IN_PROGRESS']),
      'app',
    );
    expect(read).toMatchObject({ reachedStart: true, failures: [{ logicalId: 'Service', reason: 'boom' }] });
  });
});

describe('toStack and stackVersion', () => {
  const base = {
    StackId: 'arn:aws:cloudformation:us-east-1:111122223333:stack/app/1',
    StackName: 'app',
    StackStatus: 'UPDATE_ROLLBACK_COMPLETE' as const,
    CreationTime: new Date('2026-01-01T00:00:00Z'),
    LastUpdatedTime: new Date('2026-01-15T12:00:00Z'),
  };

  it('maps the stack and leaves out what AWS did not say', () => {
    expect(toStack(base, [])).toEqual({
      arn: base.StackId,
      name: 'app',
      status: 'UPDATE_ROLLBACK_COMPLETE',
      updatedAt: '2026-01-15T12:00:00.000Z',
      failures: [],
    });
  });

  it('changes with the status or the last update, not otherwise', () => {
    expect(stackVersion(base)).toBe(stackVersion({ ...base, Description: 'other' }));
    expect(stackVersion(base)).not.toBe(stackVersion({ ...base, StackStatus: 'UPDATE_IN_PROGRESS' }));
    expect(stackVersion(base)).not.toBe(stackVersion({ ...base, LastUpdatedTime: new Date() }));
  });
});

describe('toEcsService', () => {
  const service: Service = {
    serviceArn: 'arn:aws:ecs:us-east-1:111122223333:service/prod/web',
    serviceName: 'web',
    clusterArn: 'arn:aws:ecs:us-east-1:111122223333:cluster/prod',
    status: 'ACTIVE',
    desiredCount: 4,
    runningCount: 6,
    pendingCount: 2,
    taskDefinition: 'arn:task-definition/web:1',
    deployments: [
      {
        id: 'ecs-svc/2',
        status: 'PRIMARY',
        taskDefinition: 'arn:task-definition/web:2',
        rolloutState: 'IN_PROGRESS',
        rolloutStateReason: 'ECS deployment ecs-svc/2 in progress.',
        updatedAt: new Date('2026-01-15T12:00:00Z'),
      },
      { id: 'ecs-svc/1', status: 'ACTIVE', taskDefinition: 'arn:task-definition/web:1', rolloutState: 'COMPLETED' },
    ],
  };

  it('takes the rollout and task definition from the PRIMARY deployment and counts the others', () => {
    expect(toEcsService(service, 'asked')).toEqual({
      arn: service.serviceArn,
      cluster: 'prod',
      name: 'web',
      status: 'ACTIVE',
      desired: 4,
      running: 6,
      pending: 2,
      taskDefinition: 'arn:task-definition/web:2',
      rollout: {
        state: 'IN_PROGRESS',
        reason: 'ECS deployment ecs-svc/2 in progress.',
        updatedAt: '2026-01-15T12:00:00.000Z',
      },
      deployments: 1,
    });
  });

  it('keeps a rollout state it does not know as { unknown }, and shows none when ECS sends none', () => {
    const [primary, active] = service.deployments ?? [];
    const odd = toEcsService({ ...service, deployments: [{ ...primary, rolloutState: 'PAUSED' as never }] }, 'prod');
    expect(odd.rollout?.state).toEqual({ unknown: 'PAUSED' });
    const none = toEcsService(
      { ...service, deployments: [{ ...active, status: 'PRIMARY', rolloutState: undefined }] },
      'prod',
    );
    expect(none.rollout).toBeUndefined();
    expect(none.deployments).toBe(0);
  });
});
