// Project ids and names from what named the project: a slug that is the same
// on every run for the same tag value, repository or pipeline, and fits the
// workspace's id rules; a name that is printable and short enough.

const maxId = 64;
const maxName = 100;

/** FNV-1a, 32 bits: a short stable fingerprint for ids slugging cannot make (e.g. a tag value in Cyrillic). */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** "Payments API (EU)" → "payments-api-eu"; never empty, at most 64 characters, a valid workspace id. */
export function slug(text: string): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii === '') return `p-${fingerprint(text)}`;
  return ascii.length > maxId ? ascii.slice(0, maxId).replace(/-+$/, '') : ascii;
}

/** The id for the second and later holders of a taken slug: the slug and a fingerprint of what named it. */
export function qualifiedSlug(base: string, namedBy: string): string {
  const suffix = `-${fingerprint(namedBy).slice(0, 6)}`;
  return `${base.slice(0, maxId - suffix.length).replace(/-+$/, '')}${suffix}`;
}

/** A readable name: control characters dropped, whitespace collapsed, at most 100 characters. */
export function displayName(text: string): string {
  const clean = text
    // eslint-disable-next-line no-control-regex -- dropping control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Cut by UTF-16 units as the schema counts them, without leaving half a surrogate pair.
  return (clean === '' ? 'Unnamed project' : clean).slice(0, maxName).replace(/[\uD800-\uDBFF]$/, '');
}
