import { useState } from 'react';

/** Copies a value (an environment id, an ARN) and says whether it worked; a refused clipboard asks to select instead. */
export function CopyButton({ value, label }: { value: string; label: string }): React.JSX.Element {
  const [copied, setCopied] = useState<'yes' | 'no' | undefined>(undefined);
  const copy = (): void => {
    navigator.clipboard.writeText(value).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    );
  };
  return (
    <>
      <button type="button" className="button button-small" onClick={copy}>
        {copied === 'yes' ? 'Copied' : label}
      </button>
      <span role="status" className="muted small">
        {copied === 'no' ? `Copying was refused here: select ${value} instead.` : ''}
      </span>
    </>
  );
}
