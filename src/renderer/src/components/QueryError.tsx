import { ContractFailure } from '../api/contract-error';

/** A failed read, said plainly, with what to do next when we know it. */
export function QueryError({ error, what }: { error: Error; what: string }): React.JSX.Element {
  const code = error instanceof ContractFailure ? error.detail.code : 'internal';
  return (
    <div className="notice notice-error" role="alert">
      <strong>Could not load {what}.</strong> {error.message}
      {code === 'offline' && ' Starboard will reconnect on its own when the server is back.'}
    </div>
  );
}
