// Entity tags for GET responses. Like GitHub's, they depend on the token as
// well as the body, so an ETag kept from another token never answers 304.
import { createHash } from 'node:crypto';

export function etagFor(token: string | undefined, body: string): string {
  const hash = createHash('sha256')
    .update(token ?? '')
    .update('\0')
    .update(body)
    .digest('hex');
  return `W/"${hash.slice(0, 40)}"`;
}

/** Does an If-None-Match header (possibly a list, weak or strong) name this tag? */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const bare = (tag: string): string => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}
