// Beanstalk's SDK shapes to the shared model: unknown values kept, optional
// fields left out, and which environments are worth a health call.
import type { EnvironmentDescription } from '@aws-sdk/client-elastic-beanstalk';
import { describe, expect, it } from 'vitest';
import { eventKey, needsCauses, toEnvironment, toEvent } from '../../src/main/sources/aws/beanstalk/beanstalk-mapping';

const location = { accountKey: 'dev', accountId: '111122223333', region: 'eu-west-1' };
const base: EnvironmentDescription = {
  EnvironmentName: 'payments-api-prod',
  EnvironmentId: 'e-abc123',
  ApplicationName: 'payments-api',
  VersionLabel: 'v7',
  SolutionStackName: '64bit Amazon Linux 2023 v6.6.0 running Node.js 20',
  PlatformArn: 'arn:aws:elasticbeanstalk:eu-west-1::platform/Node.js 20 running on 64bit Amazon Linux 2023/6.6.0',
  CNAME: 'payments-api-prod.eu-west-1.elasticbeanstalk.com',
  DateUpdated: new Date('2026-01-15T09:00:00Z'),
  Status: 'Ready',
  Health: 'Yellow',
  HealthStatus: 'Degraded',
  Tier: { Name: 'WebServer', Type: 'Standard', Version: '1.0' },
  EnvironmentArn: 'arn:aws:elasticbeanstalk:eu-west-1:111122223333:environment/payments-api/payments-api-prod',
};

describe('toEnvironment', () => {
  it('maps an enhanced-health environment with the causes its health call gave', () => {
    const causes = ['100.0 % of the requests are failing with HTTP 5xx.'];
    expect(toEnvironment(base, { location }, { Causes: causes, Color: 'Red', HealthStatus: 'Severe' })).toEqual({
      arn: base.EnvironmentArn,
      id: 'e-abc123',
      application: 'payments-api',
      name: 'payments-api-prod',
      status: 'Ready',
      health: 'Red',
      healthStatus: 'Severe',
      causes,
      versionLabel: 'v7',
      cname: base.CNAME,
      platform: base.SolutionStackName,
      tier: 'WebServer',
      updatedAt: '2026-01-15T09:00:00.000Z',
    });
  });

  it('keeps values it does not know as { unknown }, and reports each', () => {
    const seen: string[] = [];
    const env = toEnvironment(
      { ...base, Status: 'Hibernating' as 'Ready', Health: 'Blue' as 'Green', HealthStatus: 'No Data' as 'NoData' },
      { location, onUnknown: (field, value) => seen.push(`${field}=${value}`) },
    );
    expect(env).toMatchObject({
      status: { unknown: 'Hibernating' },
      health: { unknown: 'Blue' },
      healthStatus: { unknown: 'No Data' },
    });
    expect(seen).toEqual([
      'environment health status=No Data',
      'environment status=Hibernating',
      'environment health=Blue',
    ]);
    expect(toEnvironment({ ...base, Status: undefined }, { location }).status).toEqual({ unknown: '' });
  });

  it('leaves out what AWS did not send: no HealthStatus (basic health), no stack name, no ARN', () => {
    const env = toEnvironment(
      {
        ...base,
        HealthStatus: undefined,
        SolutionStackName: undefined,
        CNAME: '',
        VersionLabel: undefined,
        EnvironmentArn: undefined,
        Tier: undefined,
        DateUpdated: undefined,
      },
      { location },
    );
    expect(env).toEqual({
      arn: 'arn:aws:elasticbeanstalk:eu-west-1:111122223333:environment/payments-api/payments-api-prod',
      id: 'e-abc123',
      application: 'payments-api',
      name: 'payments-api-prod',
      status: 'Ready',
      health: 'Yellow',
      causes: [],
      platform: base.PlatformArn,
    });
  });
});

describe('needsCauses', () => {
  it('asks only about enhanced-health environments that are not Green and Ok', () => {
    expect(needsCauses(base)).toBe(true);
    expect(needsCauses({ ...base, Health: 'Green', HealthStatus: 'Ok' })).toBe(false);
    expect(needsCauses({ ...base, Health: 'Green', HealthStatus: 'Info' })).toBe(true);
    expect(needsCauses({ ...base, Health: 'Grey', HealthStatus: 'NoData' })).toBe(true);
    expect(needsCauses({ ...base, Health: 'Red', HealthStatus: undefined })).toBe(false);
  });
});

describe('toEvent', () => {
  const raw = {
    EventDate: new Date('2026-01-15T09:01:00Z'),
    Message: 'Environment health has transitioned from Ok to Degraded.',
    ApplicationName: 'payments-api',
    EnvironmentName: 'payments-api-prod',
    VersionLabel: 'v7',
    Severity: 'WARN' as const,
    RequestId: 'r-1',
  };

  it('maps an event and keys it by time, environment and message', () => {
    const event = toEvent(raw, {});
    expect(event).toEqual({
      at: '2026-01-15T09:01:00.000Z',
      severity: 'WARN',
      message: raw.Message,
      application: 'payments-api',
      environment: 'payments-api-prod',
      versionLabel: 'v7',
    });
    // A second read of the same event (another RequestId) is the same event.
    expect(eventKey(toEvent({ ...raw, RequestId: 'r-2' }, {}))).toBe(eventKey(event));
    expect(eventKey(toEvent({ ...raw, EnvironmentName: 'payments-api-staging' }, {}))).not.toBe(eventKey(event));
    expect(eventKey(toEvent({ ...raw, EventDate: new Date('2026-01-15T09:02:00Z') }, {}))).not.toBe(eventKey(event));
  });

  it('keeps an unknown severity', () => {
    expect(toEvent({ ...raw, Severity: 'NOTICE' as 'INFO' }, {}).severity).toEqual({ unknown: 'NOTICE' });
  });
});
