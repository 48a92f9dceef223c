// A build's source version in a few characters: the commit it resolved to,
// else the branch, tag or pull request it was asked for.

export function shortSourceVersion(build: { sourceVersion?: string; resolvedSourceVersion?: string }): string {
  const commit = build.resolvedSourceVersion ?? build.sourceVersion;
  if (commit !== undefined && /^[0-9a-f]{40}$/i.test(commit)) return commit.slice(0, 8);
  const asked = build.sourceVersion ?? build.resolvedSourceVersion;
  if (asked === undefined || asked === '') return '';
  if (asked.startsWith('arn:')) return asked.split(/[/:]/).at(-1) ?? asked;
  return asked.replace(/^refs\/(heads|tags)\//, '').replace(/^refs\/pull\/(\d+)\/head$/, 'pr/$1');
}
