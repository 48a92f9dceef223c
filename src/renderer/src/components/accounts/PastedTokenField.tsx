// The field a token is pasted into, or, where Starboard cannot store tokens
// (no OS secret store at all, or browser mode), why not. The token stays in
// this form's state until it is sent once, inward, to be checked and stored.

export function PastedTokenField(props: {
  label: string;
  token: string;
  onToken: (token: string) => void;
  canStore: boolean;
  /** Why tokens cannot be stored here, from the vault. */
  explanation: string | undefined;
}): React.JSX.Element {
  if (!props.canStore) {
    return (
      <p className="notice notice-warning" role="note">
        {props.explanation ?? 'Starboard cannot store tokens here.'}
      </p>
    );
  }
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        type="password"
        value={props.token}
        autoComplete="off"
        spellCheck={false}
        placeholder="github_pat_… or ghp_…"
        onChange={(event) => props.onToken(event.target.value)}
      />
    </label>
  );
}
