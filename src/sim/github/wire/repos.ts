// Repositories, branches and commits on the wire (full-repository, branch-short,
// branch-with-protection, commit).
import type { Commit, Repository } from '../world/model';
import { fullName } from '../world/model';
import { iso, nodeId, type Links } from './links';
import { simpleUser } from './users';

export function repository(links: Links, repo: Repository): Record<string, unknown> {
  const name = fullName(repo);
  const url = `${links.api}/repos/${name}`;
  const html = `${links.web}/${name}`;
  const host = new URL(links.web).host;
  const commits = [...repo.commits.values()];
  const pushed = pushedAt(repo);
  return {
    id: repo.id,
    node_id: nodeId('Repository', repo.id),
    name: repo.name,
    full_name: name,
    private: repo.private,
    owner: simpleUser(links, repo.owner),
    html_url: html,
    description: repo.description,
    fork: false,
    url,
    ...repoUrls(url),
    git_url: `git://${host}/${name}.git`,
    ssh_url: `git@${host}:${name}.git`,
    clone_url: `${html}.git`,
    svn_url: html,
    mirror_url: null,
    homepage: null,
    language: repo.language,
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    subscribers_count: 1,
    network_count: 0,
    size: 100 + commits.length * 7,
    default_branch: repo.defaultBranch,
    open_issues_count: repo.pulls.length,
    open_issues: repo.pulls.length,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: repo.private ? 'private' : 'public',
    pushed_at: iso(pushed),
    created_at: iso(repo.createdAt),
    updated_at: iso(pushed),
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
    allow_forking: true,
    web_commit_signoff_required: false,
    license: null,
  };
}

/** When the repository last received a commit (its creation when it has none), in milliseconds. */
export function pushedAt(repo: Repository): number {
  return Math.max(repo.createdAt, ...[...repo.commits.values()].map((c) => c.at));
}

/** A repository in a search answer (repo-search-result-item): the repository with its relevance score. */
export function searchResultItem(links: Links, repo: Repository): Record<string, unknown> {
  return { ...repository(links, repo), score: 1 };
}

function repoUrls(url: string): Record<string, string> {
  const plain = ['contributors', 'deployments', 'downloads', 'events', 'forks', 'hooks', 'languages', 'merges'];
  const more = ['stargazers', 'subscribers', 'subscription', 'tags', 'teams'];
  const templated: Record<string, string> = {
    archive_url: `${url}/{archive_format}{/ref}`,
    assignees_url: `${url}/assignees{/user}`,
    blobs_url: `${url}/git/blobs{/sha}`,
    branches_url: `${url}/branches{/branch}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    comments_url: `${url}/comments{/number}`,
    commits_url: `${url}/commits{/sha}`,
    compare_url: `${url}/compare/{base}...{head}`,
    contents_url: `${url}/contents/{+path}`,
    git_commits_url: `${url}/git/commits{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    issue_events_url: `${url}/issues/events{/number}`,
    issues_url: `${url}/issues{/number}`,
    keys_url: `${url}/keys{/key_id}`,
    labels_url: `${url}/labels{/name}`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    pulls_url: `${url}/pulls{/number}`,
    releases_url: `${url}/releases{/id}`,
    statuses_url: `${url}/statuses/{sha}`,
    trees_url: `${url}/git/trees{/sha}`,
  };
  for (const name of [...plain, ...more]) templated[`${name}_url`] = `${url}/${name}`;
  return templated;
}

export function commit(links: Links, repo: Repository, c: Commit): Record<string, unknown> {
  const url = `${links.api}/repos/${fullName(repo)}`;
  const person = { name: c.author.name, email: `${c.author.login}@users.noreply.github.com`, date: iso(c.at) };
  return {
    sha: c.sha,
    node_id: nodeId('Commit', c.sha),
    commit: {
      author: person,
      committer: person,
      message: c.message,
      tree: { sha: c.treeSha, url: `${url}/git/trees/${c.treeSha}` },
      url: `${url}/git/commits/${c.sha}`,
      comment_count: 0,
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    },
    url: `${url}/commits/${c.sha}`,
    html_url: `${links.web}/${fullName(repo)}/commit/${c.sha}`,
    comments_url: `${url}/commits/${c.sha}/comments`,
    author: simpleUser(links, c.author),
    committer: simpleUser(links, c.author),
    parents: c.parents.map((sha) => ({
      sha,
      url: `${url}/commits/${sha}`,
      html_url: `${links.web}/${fullName(repo)}/commit/${sha}`,
    })),
  };
}

export function branchShort(links: Links, repo: Repository, name: string, sha: string): Record<string, unknown> {
  return {
    name,
    commit: { sha, url: `${links.api}/repos/${fullName(repo)}/commits/${sha}` },
    protected: name === repo.defaultBranch,
  };
}

export function branchWithProtection(
  links: Links,
  repo: Repository,
  name: string,
  head: Commit,
): Record<string, unknown> {
  const url = `${links.api}/repos/${fullName(repo)}/branches/${encodeURIComponent(name)}`;
  const isProtected = name === repo.defaultBranch;
  return {
    name,
    commit: commit(links, repo, head),
    _links: { self: url, html: `${links.web}/${fullName(repo)}/tree/${name}` },
    protected: isProtected,
    protection: {
      enabled: isProtected,
      required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] },
    },
    protection_url: `${url}/protection`,
  };
}
