// The CodeBuild edge mapping on shapes the simulator does not produce:
// environment variables without a type or of a type newer than this build
// of Starboard, and statuses it does not know. (The masking of values the
// simulator does send is tested end to end in codebuild-masking.test.ts.)
import type { Build as SdkBuild } from '@aws-sdk/client-codebuild';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toBuild, toProject } from '../../../src/main/sources/aws/codebuild/build-mapping';
import { buildStatusLabel } from '../../../src/shared/builds';

const location = { accountKey: 'work', accountId: '111122223333', region: 'eu-west-1' };
const secret = 'hunter2-sk_live_51H8xSecretValue';

const sdkBuild: SdkBuild = {
  id: 'api-build:0b8e6c2a-1111-4222-8333-944445555666',
  arn: 'arn:aws:codebuild:eu-west-1:111122223333:build/api-build:0b8e6c2a-1111-4222-8333-944445555666',
  buildNumber: 7,
  projectName: 'api-build',
  buildStatus: 'SUCCEEDED',
  buildComplete: true,
  currentPhase: 'COMPLETED',
  startTime: new Date('2026-01-15T09:00:00Z'),
  endTime: new Date('2026-01-15T09:04:00Z'),
  environment: {
    type: 'LINUX_CONTAINER',
    image: 'aws/codebuild/standard:7.0',
    computeType: 'BUILD_GENERAL1_SMALL',
    environmentVariables: [
      { name: 'STRIPE_KEY', value: secret, type: 'PLAINTEXT' },
      { name: 'DB_PASSWORD', value: '/prod/db/password', type: 'PARAMETER_STORE' },
      { name: 'UNTYPED', value: secret },
      { name: 'FUTURE', value: secret, type: 'VAULT' as 'PLAINTEXT' },
    ],
  },
  exportedEnvironmentVariables: [{ name: 'RELEASE_TOKEN', value: secret }],
};

describe('CodeBuild mapping', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  afterEach(() => warn.mockClear());

  it('keeps names and types of environment variables and never their values (A15)', () => {
    const build = toBuild(sdkBuild, location);
    expect(build.environmentVariables).toEqual([
      { name: 'STRIPE_KEY', type: 'PLAINTEXT' },
      { name: 'DB_PASSWORD', type: 'PARAMETER_STORE' },
      { name: 'UNTYPED', type: 'PLAINTEXT' },
      { name: 'FUTURE', type: 'unknown' },
    ]);
    expect(build.exportedVariableNames).toEqual(['RELEASE_TOKEN']);
    const serialized = JSON.stringify(build);
    expect(serialized).not.toContain(secret);
    expect(serialized).not.toContain('/prod/db/password');
    expect(warn.mock.calls.flat().join(' ')).not.toContain(secret);
  });

  it('masks project variables too', () => {
    const project = toProject({ name: 'api-build', environment: sdkBuild.environment }, location);
    expect(project.environmentVariables.map((v) => v.name)).toEqual(['STRIPE_KEY', 'DB_PASSWORD', 'UNTYPED', 'FUTURE']);
    expect(JSON.stringify(project)).not.toContain(secret);
  });

  it('shows a status it does not know as unknown with the raw value, logged once (A14)', () => {
    const paused = { ...sdkBuild, buildStatus: 'PAUSED' as 'SUCCEEDED', buildComplete: false };
    const first = toBuild(paused, location);
    toBuild(paused, location);
    expect(first).toMatchObject({ status: 'unknown', rawStatus: 'PAUSED', complete: false });
    expect(buildStatusLabel(first)).toBe('unknown (PAUSED)');
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('links the build, its log stream and its region', () => {
    const build = toBuild(
      {
        ...sdkBuild,
        logs: { groupName: '/aws/codebuild/api-build', streamName: '0b8e6c2a-1111-4222-8333-944445555666' },
      },
      location,
    );
    expect(build.consoleUrl).toMatch(
      /^https:\/\/eu-west-1\.console\.aws\.amazon\.com\/codesuite\/codebuild\/111122223333\//,
    );
    expect(build.log?.consoleUrl).toContain('region=eu-west-1');
    expect(build).toMatchObject({ status: 'SUCCEEDED', number: 7, endTime: '2026-01-15T09:04:00.000Z' });
  });
});
