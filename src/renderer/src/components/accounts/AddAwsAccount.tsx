import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AwsProfile } from '../../../../shared/aws-accounts';
import { useClient } from '../../api/client';
import { ContractFailure, unwrap } from '../../api/contract-error';
import { awsProfilesOptions } from '../../api/queries';

const commonRegions = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'eu-west-1',
  'eu-west-2',
  'eu-central-1',
  'eu-north-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'ap-south-1',
  'ca-central-1',
  'sa-east-1',
];

const kindNote: Record<AwsProfile['kind'], string> = {
  static: 'access keys',
  session: 'session keys',
  sso: 'IAM Identity Center',
  'legacy-sso': 'IAM Identity Center (legacy)',
  'assume-role': 'assumes a role',
  process: 'runs a command',
  'web-identity': 'web identity',
  unknown: 'unrecognised',
};

const defaultChain = '';

/** Pick a profile from the AWS config files (or the default chain), choose regions, add. */
export function AddAwsAccount(): React.JSX.Element {
  const client = useClient();
  const profiles = useQuery(awsProfilesOptions(client));
  const [profileName, setProfileName] = useState<string | undefined>(undefined);
  const [label, setLabel] = useState('');
  const [regions, setRegions] = useState<string[] | undefined>(undefined);
  const add = useMutation({
    mutationFn: (input: { label: string; profile: string | null; regions: string[] }) =>
      unwrap(client.command('aws.accounts.add', input)),
  });

  const chosen = profileName ?? profiles.data?.profiles[0]?.name ?? defaultChain;
  const profile = profiles.data?.profiles.find((candidate) => candidate.name === chosen);
  const chosenRegions = regions ?? (profile?.region ? [profile.region] : []);
  const regionChoices = [...new Set([...chosenRegions, ...commonRegions])];
  const toggle = (region: string) =>
    setRegions(chosenRegions.includes(region) ? chosenRegions.filter((r) => r !== region) : [...chosenRegions, region]);

  return (
    <form
      className="group add-account"
      aria-label="Add an AWS account"
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate({
          label: label.trim() || chosen || 'Default credentials',
          profile: chosen || null,
          regions: chosenRegions,
        });
      }}
    >
      <h3>Add an AWS account</h3>
      {profiles.data?.problem && <p className="problem">{profiles.data.problem}</p>}
      <label className="field">
        <span>Profile</span>
        <select
          value={chosen}
          onChange={(event) => {
            setProfileName(event.target.value);
            setRegions(undefined);
          }}
        >
          {profiles.data?.profiles.map((candidate) => (
            <option key={candidate.name} value={candidate.name}>
              {candidate.name} ({kindNote[candidate.kind]})
            </option>
          ))}
          <option value={defaultChain}>Default credential chain (environment, then default profile)</option>
        </select>
      </label>
      {profiles.data && (
        <p className="muted small">
          {profiles.data.profiles.length} profiles found in {profiles.data.files.join(' and ') || 'no config file'}.
        </p>
      )}
      {profile?.runsCommand && (
        <p className="notice notice-warning">
          This profile runs a command (credential_process) to get its credentials.
        </p>
      )}
      {profile?.needsMfa && <p className="muted small">Starboard will ask for an MFA code when it signs in.</p>}
      <label className="field">
        <span>Name in Starboard</span>
        <input
          value={label}
          placeholder={chosen || 'Default credentials'}
          onChange={(event) => setLabel(event.target.value)}
        />
      </label>
      <fieldset className="regions">
        <legend>Regions to watch</legend>
        {regionChoices.map((region) => (
          <label key={region} className="checkbox">
            <input type="checkbox" checked={chosenRegions.includes(region)} onChange={() => toggle(region)} />
            {region}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button button-primary" disabled={add.isPending || chosenRegions.length === 0}>
        {add.isPending ? 'Checking the account…' : 'Add account'}
      </button>
      {chosenRegions.length === 0 && <p className="muted small">Choose at least one region.</p>}
      {add.data && (
        <p role="status" className={add.data.state === 'ok' ? 'ok-text' : 'problem'}>
          {add.data.state === 'ok' && add.data.identity
            ? `Added ${add.data.label}: account ${add.data.identity.accountId} as ${add.data.identity.arn}.`
            : `Added ${add.data.label}, but: ${add.data.problem ?? 'it could not be checked'}`}
        </p>
      )}
      {add.error instanceof ContractFailure && <p className="problem">{add.error.message}</p>}
    </form>
  );
}
