// A watched repository's name, split for route parameters.

export interface RepoRef {
  owner: string;
  repo: string;
  /** `owner/repo`, as the user and the problems name it. */
  fullName: string;
}

/** `owner/repo` → its parts; undefined for anything else. */
export function parseRepoRef(fullName: string): RepoRef | undefined {
  const m = /^([A-Za-z0-9][A-Za-z0-9_-]*)\/([A-Za-z0-9._-]+)$/.exec(fullName.trim());
  if (!m?.[1] || !m[2] || m[2] === '.' || m[2] === '..') return undefined;
  return { owner: m[1], repo: m[2], fullName: `${m[1]}/${m[2]}` };
}

export const routeParams = (ref: RepoRef): { owner: string; repo: string } => ({ owner: ref.owner, repo: ref.repo });
