// CloudFormation over the query protocol (form in, XML out): the two reads a
// deploy target needs, DescribeStacks and DescribeStackEvents.
import { AwsError, optionalString } from '../errors';
import { paginate } from '../pagination';
import type { CallContext, QueryService } from '../service';
import type { World } from '../world';
import type { Stack } from '../world/cloudformation';
import { date, maybeDate } from './wire';

const invalidToken = (): AwsError => new AwsError('ValidationError', 'Invalid NextToken');
/** AWS does not document these page sizes; stacks and events come in pages of this many here. */
const stacksPerPage = 100;
const eventsPerPage = 100;

export function cloudFormationService(world: World): QueryService {
  const cfn = world.cloudformation;
  /** By name or by stack id (ARN), as CloudFormation accepts either. */
  const stack = (nameOrId: string, context: CallContext): Stack => {
    const found = cfn.stacks.get(nameOrId) ?? [...cfn.stacks.values()].find((s) => s.id === nameOrId);
    if (!found) throw new AwsError('ValidationError', `Stack with id ${nameOrId} does not exist`);
    context.authorize(found.id);
    return found;
  };
  return {
    name: 'cloudformation',
    protocol: 'query',
    version: '2010-05-15',
    xmlNamespace: 'http://cloudformation.amazonaws.com/doc/2010-05-15/',
    invalidTokenCode: 'ValidationError',
    operations: {
      DescribeStacks: (input, context) => {
        const name = optionalString(input.StackName);
        const stacks = name === undefined || name === '' ? [...cfn.stacks.values()] : [stack(name, context)];
        for (const s of stacks) context.authorize(s.id);
        const page = paginate(
          stacks,
          { nextToken: optionalString(input.NextToken) },
          {
            scope: `DescribeStacks/${name ?? ''}`,
            key: (s) => s.id,
            defaultSize: stacksPerPage,
            maxSize: 100,
            invalidToken,
          },
        );
        return { Stacks: page.items.map(stackShape), NextToken: page.nextToken };
      },
      DescribeStackEvents: (input, context) => {
        const name = optionalString(input.StackName);
        if (name === undefined || name === '')
          throw new AwsError(
            'ValidationError',
            "1 validation error detected: Value null at 'stackName' failed to satisfy constraint: Member must not be null",
          );
        const s = stack(name, context);
        const events = [...s.events].reverse();
        const page = paginate(
          events,
          { nextToken: optionalString(input.NextToken) },
          {
            scope: `DescribeStackEvents/${s.id}`,
            key: (e) => e.eventId,
            defaultSize: eventsPerPage,
            maxSize: eventsPerPage,
            invalidToken,
          },
        );
        return {
          StackEvents: page.items.map((e) => ({
            StackId: s.id,
            EventId: e.eventId,
            StackName: s.name,
            LogicalResourceId: e.logicalId,
            PhysicalResourceId: e.physicalId,
            ResourceType: e.resourceType,
            Timestamp: date(e.at),
            ResourceStatus: e.status,
            ResourceStatusReason: e.reason,
          })),
          NextToken: page.nextToken,
        };
      },
    },
  };
}

function stackShape(s: Stack): unknown {
  return {
    StackId: s.id,
    StackName: s.name,
    Description: s.description,
    Parameters: [],
    CreationTime: date(s.created),
    LastUpdatedTime: maybeDate(s.lastUpdated),
    RollbackConfiguration: {},
    StackStatus: s.status,
    StackStatusReason: s.reason,
    DisableRollback: false,
    NotificationARNs: [],
    Capabilities: ['CAPABILITY_IAM'],
    Outputs: [],
    Tags: [],
    EnableTerminationProtection: false,
    DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
  };
}
