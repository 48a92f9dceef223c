// Which GitHub account watches which repository. A project member names a
// repository by `owner/repo` alone, no host; the user may pick the account
// (choosing the repository through it), and a repository nobody picked an
// account for is watched by the first account of the workspace.

interface AssignableAccount {
  id: string;
  /** Repositories the user chose with this account (`owner/repo`). */
  repositories?: readonly string[];
}

/**
 * Splits the repositories the projects hold among the accounts, in the
 * accounts' order: the first account that chose a repository watches it,
 * the first account watches the rest. Names compare without case, as GitHub's do.
 */
export function assignRepositories(
  repositories: readonly string[],
  accounts: readonly AssignableAccount[],
): Map<string, string[]> {
  const plan = new Map<string, string[]>(accounts.map((account) => [account.id, []]));
  const first = accounts[0];
  if (first === undefined) return plan;
  const chosenBy = new Map<string, string>();
  for (const account of accounts) {
    for (const name of account.repositories ?? []) {
      const key = name.toLowerCase();
      if (!chosenBy.has(key)) chosenBy.set(key, account.id);
    }
  }
  for (const repository of repositories) {
    const owner = chosenBy.get(repository.toLowerCase()) ?? first.id;
    plan.get(owner)?.push(repository);
  }
  return plan;
}
