// Home with an empty workspace: the AWS profiles and GitHub tokens found on
// this machine, each one click from being added, and the demo for a look first.
import { useMutation, useQuery } from '@tanstack/react-query';
import type { AwsProfile } from '../../../../shared/aws-accounts';
import type { AddGitHubAccount } from '../../../../shared/github-accounts';
import { useClient } from '../../api/client';
import { ContractFailure, unwrap } from '../../api/contract-error';
import { appInfoOptions, awsProfilesOptions, githubAccountsOptions } from '../../api/queries';
import { DemoOffer } from '../DemoOffer';
import './first-run.css';

/** Where a profile without a region is watched until the user picks others on Accounts. */
const fallbackRegion = 'us-east-1';

const kindNote: Record<AwsProfile['kind'], string> = {
  static: 'access keys',
  session: 'session keys',
  sso: 'IAM Identity Center',
  'legacy-sso': 'IAM Identity Center',
  'assume-role': 'assumes a role',
  process: 'runs a command',
  'web-identity': 'web identity',
  unknown: 'unrecognised',
};

function problemOf(error: unknown): string | undefined {
  if (error instanceof ContractFailure) return error.message;
  return error ? 'Starboard could not add it.' : undefined;
}

function AwsProfileRow({ profile }: { profile: AwsProfile }): React.JSX.Element {
  const client = useClient();
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        client.command('aws.accounts.add', {
          label: profile.name,
          profile: profile.name,
          regions: [profile.region ?? fallbackRegion],
        }),
      ),
  });
  const problem = problemOf(add.error);
  return (
    <li className="first-run-row">
      <div>
        <strong>{profile.name}</strong>
        <span className="muted small">
          {kindNote[profile.kind]} · {profile.region ?? `no region, watches ${fallbackRegion}`}
          {profile.needsMfa ? ' · asks for an MFA code' : ''}
        </span>
        {problem && (
          <span className="problem small" role="alert">
            {problem}
          </span>
        )}
      </div>
      <button
        type="button"
        className="button button-small"
        aria-label={`Add AWS profile ${profile.name}`}
        disabled={add.isPending}
        onClick={() => add.mutate()}
      >
        {add.isPending ? 'Adding…' : 'Add'}
      </button>
    </li>
  );
}

function GitHubSourceRow({
  token,
  title,
  detail,
}: {
  token: AddGitHubAccount['token'];
  title: string;
  detail: string;
}) {
  const client = useClient();
  const add = useMutation({
    mutationFn: () => unwrap(client.command('github.accounts.add', { host: 'github.com', token })),
  });
  const problem = problemOf(add.error);
  return (
    <li className="first-run-row">
      <div>
        <strong>{title}</strong>
        <span className="muted small">{detail}</span>
        {problem && (
          <span className="problem small" role="alert">
            {problem}
          </span>
        )}
      </div>
      <button
        type="button"
        className="button button-small"
        aria-label={`Add GitHub account from ${title}`}
        disabled={add.isPending}
        onClick={() => add.mutate()}
      >
        {add.isPending ? 'Checking…' : 'Add'}
      </button>
    </li>
  );
}

export function FirstRun(): React.JSX.Element {
  const client = useClient();
  const info = useQuery(appInfoOptions(client));
  const profiles = useQuery(awsProfilesOptions(client));
  const github = useQuery(githubAccountsOptions(client));
  const variables = github.data?.sources.environmentVariables ?? [];

  return (
    <div className="empty first-run" data-testid="empty-workspace">
      <h2>No accounts connected yet</h2>
      <p>
        Starboard watches the pipelines, builds, repositories and deployments of the AWS accounts and GitHub hosts in
        your workspace, and groups them into projects. Here is what it found on this machine.
      </p>

      <div className="first-run-columns">
        <section className="first-run-card" aria-labelledby="first-run-aws">
          <h3 id="first-run-aws">AWS profiles</h3>
          {profiles.isPending && <p className="muted">Looking for profiles…</p>}
          {profiles.data?.problem && <p className="problem small">{profiles.data.problem}</p>}
          {profiles.data && profiles.data.profiles.length === 0 && (
            <p className="muted small">
              No profiles in {profiles.data.files.join(' or ') || '~/.aws/config'}. Add an account with the default
              credential chain on the Accounts page.
            </p>
          )}
          {profiles.data && profiles.data.profiles.length > 0 && (
            <>
              <p className="muted small">Found in {profiles.data.files.join(' and ')}.</p>
              <ul className="first-run-list" aria-label="AWS profiles found">
                {profiles.data.profiles.map((profile) => (
                  <AwsProfileRow key={profile.name} profile={profile} />
                ))}
              </ul>
            </>
          )}
        </section>

        <section className="first-run-card" aria-labelledby="first-run-github">
          <h3 id="first-run-github">GitHub</h3>
          {github.isPending && <p className="muted">Looking for a token…</p>}
          {github.data && variables.length === 0 && !github.data.sources.ghCli && (
            <p className="muted small">
              No token found: neither GITHUB_TOKEN nor the GitHub CLI (gh). Paste a token or sign in with the browser on
              the Accounts page.
            </p>
          )}
          {github.data && (variables.length > 0 || github.data.sources.ghCli) && (
            <ul className="first-run-list" aria-label="GitHub tokens found">
              {variables.length > 0 && (
                <GitHubSourceRow
                  token={{ kind: 'environment' }}
                  title={variables.join(', ')}
                  detail="A token in the environment, for github.com"
                />
              )}
              {github.data.sources.ghCli && (
                <GitHubSourceRow
                  token={{ kind: 'gh-cli' }}
                  title="GitHub CLI"
                  detail="The token gh is signed in with, for github.com"
                />
              )}
            </ul>
          )}
        </section>
      </div>

      <p className="first-run-more">
        <a href="#/accounts">More ways to add accounts</a>
        {info.data && (
          <span className="muted small">
            The workspace is kept in <code>{info.data.dataDir}</code> (config.json).
          </span>
        )}
      </p>
      <DemoOffer />
    </div>
  );
}
