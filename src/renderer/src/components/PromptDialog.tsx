import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useClient } from '../api/client';
import { unwrap } from '../api/contract-error';
import { promptsOptions } from '../api/queries';

/** The MFA code main asked for. Only six digits leave this dialog; cancel aborts the sign-in. */
export function PromptDialog(): React.JSX.Element | null {
  const client = useClient();
  const prompts = useQuery(promptsOptions(client));
  const [code, setCode] = useState('');
  const answer = useMutation({
    mutationFn: (input: { promptId: string; code: string | null }) => unwrap(client.command('prompts.answer', input)),
    onSettled: () => setCode(''),
  });
  const prompt = prompts.data?.[0];
  if (!prompt) return null;
  const valid = /^\d{6}$/.test(code);

  return (
    <div className="dialog-backdrop">
      <form
        role="dialog"
        aria-modal="true"
        aria-labelledby="prompt-title"
        className="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) answer.mutate({ promptId: prompt.promptId, code });
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') answer.mutate({ promptId: prompt.promptId, code: null });
        }}
      >
        <h2 id="prompt-title">MFA code for {prompt.profile}</h2>
        <p className="muted">
          Enter the six-digit code from <code>{prompt.serial}</code>.
        </p>
        {prompt.retryReason && <p className="problem">{prompt.retryReason}</p>}
        <input
          autoFocus
          inputMode="numeric"
          autoComplete="one-time-code"
          aria-label="MFA code"
          maxLength={6}
          value={code}
          onChange={(event) => setCode(event.target.value.replace(/\D/g, ''))}
        />
        <div className="dialog-actions">
          <button
            type="button"
            className="button"
            onClick={() => answer.mutate({ promptId: prompt.promptId, code: null })}
          >
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={!valid || answer.isPending}>
            Continue
          </button>
        </div>
      </form>
    </div>
  );
}
