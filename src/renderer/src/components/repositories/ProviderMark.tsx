// A repository's provider as a small mark: decorative, the provider's name is
// always written next to it or in the row.
import type { RepositoryProvider } from './repository-list';

const shapes: Record<RepositoryProvider, React.JSX.Element> = {
  // A repository book, as AWS draws CodeCommit.
  codecommit: <path d="M4 2.5h8.5v9H5a1 1 0 0 0 0 2h7.5M4 2.5v10" />,
  // A branch: GitHub repositories are mostly seen through their branches and pull requests.
  github: (
    <>
      <circle cx="5" cy="3.5" r="1.5" />
      <circle cx="5" cy="12.5" r="1.5" />
      <circle cx="11" cy="5.5" r="1.5" />
      <path d="M5 5v6M11 7c0 2.5-2 3-6 4" />
    </>
  ),
};

export function ProviderMark({ provider }: { provider: RepositoryProvider }): React.JSX.Element {
  return (
    <svg
      className={`icon provider-mark provider-mark-${provider}`}
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {shapes[provider]}
    </svg>
  );
}
