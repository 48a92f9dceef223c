// CodeDeploy shapes mapped to the shared model: hooks in the order CodeDeploy
// runs them, revisions as one readable location, every kind of target, and
// values this build does not know kept as { unknown: raw }.
import { createHash } from 'node:crypto';
import type { LifecycleEvent, LifecycleEventStatus } from '@aws-sdk/client-codedeploy';
import { describe, expect, it, vi } from 'vitest';
import {
  inLifecycleOrder,
  isActive,
  toDeployment,
  toGroup,
  toRevision,
  toTarget,
} from '../../src/main/sources/aws/codedeploy/deploy-mapping';

const at = (s: number): Date => new Date(Date.UTC(2026, 10, 1, 12, 0, s));
const event = (name: string, status = 'Succeeded'): LifecycleEvent => ({
  lifecycleEventName: name,
  status: status as LifecycleEventStatus,
  startTime: at(0),
  endTime: at(1),
  diagnostics: { errorCode: 'Success', scriptName: '', message: 'Succeeded', logTail: '' },
});

describe('lifecycle order', () => {
  it('puts EC2 hooks in the order the agent runs them, whatever order AWS lists them in', () => {
    const target = toTarget({
      deploymentTargetType: 'InstanceTarget',
      instanceTarget: {
        targetId: 'i-1',
        status: 'Failed',
        lifecycleEvents: [
          'ValidateService',
          'Install',
          'ApplicationStop',
          'AfterInstall',
          'DownloadBundle',
          'ApplicationStart',
          'BeforeInstall',
        ].map((n) => event(n)),
      },
    });
    expect(target?.lifecycle.map((e) => e.name)).toEqual([
      'ApplicationStop',
      'DownloadBundle',
      'BeforeInstall',
      'Install',
      'AfterInstall',
      'ApplicationStart',
      'ValidateService',
    ]);
  });

  it('places traffic hooks around the install and keeps an unknown hook after the one before it', () => {
    const names = [
      'AllowTraffic',
      'BeforeBlockTraffic',
      'Install',
      'BlockTraffic',
      'NewHook',
      'AfterBlockTraffic',
      'BeforeAllowTraffic',
      'AfterAllowTraffic',
    ];
    expect(inLifecycleOrder(names.map((name) => ({ name }))).map((e) => e.name)).toEqual([
      'BeforeBlockTraffic',
      'BlockTraffic',
      'NewHook',
      'AfterBlockTraffic',
      'Install',
      'BeforeAllowTraffic',
      'AllowTraffic',
      'AfterAllowTraffic',
    ]);
  });

  it('keeps a failed hook’s diagnostics and drops the “Success” boilerplate of the others', () => {
    const failed: LifecycleEvent = {
      lifecycleEventName: 'ValidateService',
      status: 'Failed',
      diagnostics: {
        errorCode: 'ScriptFailed',
        scriptName: 'scripts/validate.sh',
        message: 'exit code 7',
        logTail: '[stderr]curl: (7) Failed to connect to localhost port 80',
      },
    };
    const target = toTarget({
      instanceTarget: { targetId: 'i-1', status: 'Failed', lifecycleEvents: [event('ApplicationStart'), failed] },
    });
    expect(target?.lifecycle).toEqual([
      { name: 'ApplicationStart', status: 'Succeeded', startedAt: at(0).toISOString(), endedAt: at(1).toISOString() },
      {
        name: 'ValidateService',
        status: 'Failed',
        diagnostics: {
          errorCode: 'ScriptFailed',
          scriptName: 'scripts/validate.sh',
          message: 'exit code 7',
          logTail: '[stderr]curl: (7) Failed to connect to localhost port 80',
        },
      },
    ]);
  });
});

describe('revisions', () => {
  it('names an S3 bundle by bucket and key, with its version or else its ETag', () => {
    expect(
      toRevision({ revisionType: 'S3', s3Location: { bucket: 'b', key: 'app/1.zip', version: 'v3', eTag: 'e' } }),
    ).toEqual({ type: 'S3', location: 's3://b/app/1.zip?versionId=v3' });
    expect(toRevision({ revisionType: 'S3', s3Location: { bucket: 'b', key: 'k.zip', eTag: 'abc' } })).toEqual({
      type: 'S3',
      location: 's3://b/k.zip#abc',
    });
  });

  it('names a GitHub revision owner/repo@commit and keeps the commit', () => {
    expect(
      toRevision({ revisionType: 'GitHub', gitHubLocation: { repository: 'acme/shop', commitId: '0a1b2c' } }),
    ).toEqual({ type: 'GitHub', location: 'acme/shop@0a1b2c', commitId: '0a1b2c' });
  });

  it('names inline content by its SHA-256, computing it when CodeDeploy gives none', () => {
    expect(toRevision({ revisionType: 'AppSpecContent', appSpecContent: { content: 'x', sha256: 'f00d' } })).toEqual({
      type: 'AppSpecContent',
      location: 'f00d',
    });
    const sha = createHash('sha256').update('version: 0.0').digest('hex');
    const legacy = { revisionType: 'String', string: { content: 'version: 0.0' } } as const;
    expect(toRevision(legacy)).toEqual({
      type: 'String',
      location: sha,
    });
  });

  it('keeps a revision type it does not know', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(toRevision({ revisionType: 'Carrier' as never })).toEqual({ type: { unknown: 'Carrier' }, location: '' });
    warn.mockRestore();
  });
});

describe('targets', () => {
  const base = {
    targetId: 't',
    status: 'Succeeded',
    lifecycleEvents: [event('AllowTraffic'), event('BeforeAllowTraffic')],
  };
  it.each([
    ['lambdaTarget', 'lambda'],
    ['ecsTarget', 'ecs'],
    ['cloudFormationTarget', 'cloudformation'],
    ['instanceTarget', 'instance'],
  ] as const)('maps %s as %s', (field, kind) => {
    const target = toTarget({ [field]: base });
    expect(target).toMatchObject({ id: 't', kind, status: 'Succeeded' });
    expect(target?.lifecycle.map((e) => e.name)).toEqual(['BeforeAllowTraffic', 'AllowTraffic']);
  });

  it('keeps unknown target and hook statuses as unknown with the raw text', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const target = toTarget({
      instanceTarget: { targetId: 'i-2', status: 'Unknown', lifecycleEvents: [event('Install', 'Paused')] },
    });
    expect(target?.status).toEqual({ unknown: 'Unknown' });
    expect(target?.lifecycle[0]?.status).toEqual({ unknown: 'Paused' });
    warn.mockRestore();
  });
});

describe('deployments and groups', () => {
  it('maps a rolled-back deployment with its overview and error', () => {
    const d = toDeployment({
      deploymentId: 'd-1',
      applicationName: 'shop',
      deploymentGroupName: 'prod',
      status: 'Stopped',
      creator: 'user',
      createTime: at(0),
      completeTime: at(9),
      errorInformation: { code: 'MANUAL_STOP', message: 'stopped' },
      rollbackInfo: { rollbackDeploymentId: 'd-2', rollbackMessage: 'rolled back' },
      deploymentOverview: { Pending: 0, InProgress: 0, Succeeded: 1, Failed: 0, Skipped: 2, Ready: 0 },
    });
    expect(d).toEqual({
      id: 'd-1',
      application: 'shop',
      group: 'prod',
      status: 'Stopped',
      creator: 'user',
      createdAt: at(0).toISOString(),
      completedAt: at(9).toISOString(),
      error: { code: 'MANUAL_STOP', message: 'stopped' },
      overview: { pending: 0, inProgress: 0, succeeded: 1, failed: 0, skipped: 2, ready: 0 },
      rollback: { rollbackDeploymentId: 'd-2', message: 'rolled back' },
    });
    expect(isActive(d.status)).toBe(false);
  });

  it('keeps an unknown deployment status, and keeps reading it as if active', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const d = toDeployment({ deploymentId: 'd-3', status: 'Paused' as never, createTime: at(0) });
    expect(d.status).toEqual({ unknown: 'Paused' });
    expect(isActive(d.status)).toBe(true);
    expect(isActive('Baking')).toBe(true);
    warn.mockRestore();
  });

  it('maps a group with its last attempted and successful deployments', () => {
    const g = toGroup(
      {
        applicationName: 'shop',
        deploymentGroupName: 'prod',
        deploymentConfigName: 'CodeDeployDefault.OneAtATime',
        lastAttemptedDeployment: { deploymentId: 'd-9', status: 'Failed', createTime: at(0), endTime: at(5) },
        lastSuccessfulDeployment: { deploymentId: 'd-8', status: 'Succeeded', createTime: at(0) },
        targetRevision: { revisionType: 'GitHub', gitHubLocation: { repository: 'acme/shop', commitId: 'c0ffee' } },
      },
      'eu-west-1',
      '123456789012',
    );
    expect(g).toEqual({
      arn: 'arn:aws:codedeploy:eu-west-1:123456789012:deploymentgroup:shop/prod',
      application: 'shop',
      name: 'prod',
      computePlatform: 'Server',
      deploymentConfigName: 'CodeDeployDefault.OneAtATime',
      targetRevision: { type: 'GitHub', location: 'acme/shop@c0ffee', commitId: 'c0ffee' },
      lastAttempted: {
        deploymentId: 'd-9',
        status: 'Failed',
        createTime: at(0).toISOString(),
        endTime: at(5).toISOString(),
      },
      lastSuccessful: { deploymentId: 'd-8', status: 'Succeeded', createTime: at(0).toISOString() },
    });
  });
});
