import { describe, expect, it } from 'vitest';
import { consoleLinks } from '../../src/main/sources/aws/console-links';
import { awsProblem } from '../../src/main/sources/aws/problems';

const named = (name: string, message: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), { name, ...extra });
const now = () => new Date('2026-11-27T10:00:00Z');

describe('AWS errors as problems the UI can act on', () => {
  it('names the missing IAM action from AWS’s message', () => {
    const error = named(
      'AccessDeniedException',
      'User: arn:aws:iam::111122223333:user/dev is not authorized to perform: codebuild:BatchGetBuilds on resource: arn:aws:codebuild:us-east-1:111122223333:project/x',
    );
    expect(awsProblem(error, 'codebuild:ListBuilds', 'project/x')).toEqual({
      code: 'access-denied',
      message: 'Missing permission codebuild:BatchGetBuilds on project/x.',
      missingPermission: 'codebuild:BatchGetBuilds',
      resource: 'project/x',
    });
  });

  it('falls back to the action the call needed', () => {
    expect(awsProblem(named('AccessDeniedException', 'Access denied'), 'codepipeline:GetPipelineState')).toMatchObject({
      code: 'access-denied',
      missingPermission: 'codepipeline:GetPipelineState',
    });
  });

  it.each(['ThrottlingException', 'TooManyRequestsException', 'Throttling'])(
    'treats %s as slowed down, not failed',
    (name) => {
      expect(awsProblem(named(name, 'Rate exceeded'), 'x:y', undefined, now)).toEqual({
        code: 'throttled',
        message: 'AWS is slowing Starboard down (throttling); it will try again shortly.',
        retryAt: '2026-11-27T10:00:30.000Z',
      });
    },
  );

  it.each(['ExpiredTokenException', 'UnrecognizedClientException', 'CredentialsProviderError'])(
    'asks for a new sign-in on %s',
    (name) => {
      expect(awsProblem(named(name, 'The security token included in the request is expired'), 'x:y').code).toBe(
        'credentials-expired',
      );
    },
  );

  it.each(['ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN'])('reports %s as offline', (code) => {
    expect(awsProblem(named('Error', `getaddrinfo ${code}`, { code }), 'x:y').code).toBe('offline');
  });

  it('keeps the service’s own message for anything else', () => {
    expect(awsProblem(named('PipelineNotFoundException', 'The pipeline was not found'), 'x:y')).toEqual({
      code: 'internal',
      message: 'PipelineNotFoundException: The pipeline was not found',
    });
  });
});

describe('console links', () => {
  it('points at the right region', () => {
    expect(consoleLinks.pipeline('eu-west-1', 'storefront-pipeline')).toBe(
      'https://eu-west-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/storefront-pipeline/view?region=eu-west-1',
    );
  });

  it('puts the region before a fragment', () => {
    expect(consoleLinks.logStream('us-east-1', '/aws/codebuild/x', 'abc')).toBe(
      'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/%252Faws%252Fcodebuild%252Fx/log-events/abc',
    );
  });
});
