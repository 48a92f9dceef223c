import { useMutation, useQuery } from '@tanstack/react-query';
import type { AwsAccountStatus, SignInProgress } from '../../../../shared/aws-accounts';
import { useClient } from '../../api/client';
import { unwrap } from '../../api/contract-error';
import { signInKey } from '../../api/queries';

const stateLabel: Record<AwsAccountStatus['state'], string> = {
  unchecked: 'Not checked yet',
  checking: 'Checking…',
  ok: 'Connected',
  'needs-sign-in': 'Needs sign-in',
  error: 'Problem',
};

export function AwsAccountRow({
  account,
  editable,
}: {
  account: AwsAccountStatus;
  editable: boolean;
}): React.JSX.Element {
  const client = useClient();
  const signIn = useQuery<SignInProgress | null>({
    queryKey: signInKey(account.accountKey),
    queryFn: () => null,
    staleTime: Infinity,
  });
  const check = useMutation({
    mutationFn: () => unwrap(client.command('aws.accounts.check', { accountKey: account.accountKey })),
  });
  const start = useMutation({
    mutationFn: () => unwrap(client.command('aws.accounts.signIn', { accountKey: account.accountKey })),
  });
  const cancel = useMutation({
    mutationFn: () => unwrap(client.command('aws.accounts.cancelSignIn', { accountKey: account.accountKey })),
  });
  const remove = useMutation({
    mutationFn: () => unwrap(client.command('aws.accounts.remove', { accountKey: account.accountKey })),
  });
  const progress = signIn.data;
  const signingIn = progress?.state === 'starting' || progress?.state === 'waiting-for-user';

  return (
    <li className="list-item account" data-testid={`aws-account-${account.accountKey}`}>
      <div className="account-main">
        <strong>{account.label}</strong>
        <span className="muted">
          {account.profile ? `profile ${account.profile}` : 'default credentials'} · {account.regions.join(', ')}
        </span>
        {account.identity && (
          <span className="muted">
            {account.identity.accountId} · <code>{account.identity.arn}</code>
          </span>
        )}
        {account.problem && account.state !== 'ok' && <span className="problem">{account.problem}</span>}
        {progress?.state === 'waiting-for-user' && progress.userCode && progress.verificationUri && (
          <div className="sign-in" role="status">
            Confirm code <code className="user-code">{progress.userCode}</code> on the{' '}
            <a href={progress.verificationUri} target="_blank" rel="noreferrer">
              AWS sign-in page
            </a>
            .
          </div>
        )}
        {progress && ['failed', 'expired'].includes(progress.state) && (
          <span className="problem">{progress.message}</span>
        )}
      </div>
      <span className={`state state-${account.state}`}>{stateLabel[account.state]}</span>
      <div className="actions">
        {account.state === 'needs-sign-in' && !signingIn && (
          <button type="button" className="button button-primary" onClick={() => start.mutate()}>
            Sign in
          </button>
        )}
        {signingIn && (
          <button type="button" className="button" onClick={() => cancel.mutate()}>
            Cancel sign-in
          </button>
        )}
        <button type="button" className="button" onClick={() => check.mutate()} disabled={account.state === 'checking'}>
          Check again
        </button>
        {editable && (
          <button type="button" className="button" onClick={() => remove.mutate()} disabled={remove.isPending}>
            Remove
          </button>
        )}
      </div>
    </li>
  );
}
