// Users and organisations on the wire: simple-user everywhere, private-user for GET /user.
import type { SimUser } from '../world/model';
import { iso, nodeId, type Links } from './links';

export function simpleUser(links: Links, user: SimUser): Record<string, unknown> {
  const url = `${links.api}/users/${user.login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type, user.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url,
    html_url: `${links.web}/${user.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

export function privateUser(
  links: Links,
  user: SimUser,
  counts: { publicRepos: number; privateRepos: number },
): Record<string, unknown> {
  return {
    ...simpleUser(links, user),
    user_view_type: 'private',
    name: user.name,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    notification_email: null,
    public_repos: counts.publicRepos,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: iso(user.createdAt),
    updated_at: iso(user.createdAt),
    private_gists: 0,
    total_private_repos: counts.privateRepos,
    owned_private_repos: 0,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
    plan: { name: 'pro', space: 976562499, private_repos: 9999, collaborators: 0 },
  };
}
