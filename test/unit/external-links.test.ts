import { describe, expect, it } from 'vitest';
import { enterpriseHost, isAllowedExternalUrl } from '../../src/main/shell/external-links';

describe('the openExternal allow-list (RELIABILITY S10)', () => {
  it.each([
    'https://github.com/acme-rockets/storefront/pull/12',
    'https://console.aws.amazon.com/codesuite/codepipeline/pipelines/storefront/view',
    'https://us-east-1.console.aws.amazon.com/codesuite/codebuild/projects',
    'https://d-1234567890.awsapps.com/start',
    'https://docs.aws.amazon.com/codepipeline/latest/userguide/approvals.html',
    'https://device.sso.eu-west-1.amazonaws.com/?user_code=ABCD-EFGH',
  ])('opens %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'file:///etc/passwd',
    'smb://host/share',
    'ms-msdt:/id PCWDiagnostic',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'starboard://approve?token=x',
    'http://github.com/',
    'https://user:pass@github.com/',
    'https://github.com:8443/',
    'https://xn--gthub-2sa.com/',
    'https://gíthub.com/',
    'https://console.aws.amazon.com.evil.example/',
    'https://evil.example/github.com',
    'https://evil.console.aws.amazon.com.example/',
    'https://a.b.console.aws.amazon.com/',
    'https://device.sso.evil.example.amazonaws.com/',
    'https://device.sso.eu-west-1.amazonaws.com.evil.example/',
    'https://github.com.',
    `https://github.com/${'a'.repeat(3000)}`,
    '',
    42,
    null,
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('allows a configured GitHub Enterprise host, and only over https', () => {
    expect(isAllowedExternalUrl('https://ghe.acme.example/org/repo', ['ghe.acme.example'])).toBe(true);
    expect(isAllowedExternalUrl('https://ghe.acme.example/org/repo')).toBe(false);
    expect(enterpriseHost('https://ghe.acme.example/api/v3')).toBe('ghe.acme.example');
    expect(enterpriseHost('http://ghe.acme.example/api/v3')).toBeUndefined();
    expect(enterpriseHost('github.com')).toBeUndefined();
  });
});
