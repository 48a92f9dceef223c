// Page-number pagination with a Link header, as GitHub's REST API does it:
// `per_page` (default 30, at most 100) and `page` (from 1), and links to the
// prev, next, last and first pages built from the URL that was requested.
export interface PageSlice<T> {
  items: T[];
  link: string | undefined;
}

const defaultPerPage = 30;
const maxPerPage = 100;

function positiveInt(value: string | null, fallback: number): number {
  if (value === null || !/^\d+$/.test(value)) return fallback;
  const n = Number(value);
  return n >= 1 ? n : fallback;
}

export function paginate<T>(items: readonly T[], requestUrl: URL): PageSlice<T> {
  const perPage = Math.min(maxPerPage, positiveInt(requestUrl.searchParams.get('per_page'), defaultPerPage));
  const page = positiveInt(requestUrl.searchParams.get('page'), 1);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const at = (n: number): string => {
    const url = new URL(requestUrl);
    url.searchParams.set('page', String(n));
    return url.toString();
  };
  const links: string[] = [];
  if (page > 1) links.push(`<${at(Math.min(page - 1, lastPage))}>; rel="prev"`);
  if (page < lastPage) links.push(`<${at(page + 1)}>; rel="next"`, `<${at(lastPage)}>; rel="last"`);
  if (page > 1) links.push(`<${at(1)}>; rel="first"`);
  return { items: slice, link: links.length > 0 ? links.join(', ') : undefined };
}
