// Shared pieces of the wire mapping: the base URLs a response is built for
// (the API root or the GHES /api/v3 root) and GitHub's value formats.
export interface Links {
  /** The REST API root the request came in on, without a trailing slash. */
  api: string;
  /** The web root (html_url values). */
  web: string;
}

/** GitHub's timestamps: ISO 8601 in UTC without milliseconds. */
export const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export const isoOrNull = (ms: number | null | undefined): string | null =>
  ms === null || ms === undefined ? null : iso(ms);

/** A global node id in the legacy base64 form ("04:User1234"). */
export const nodeId = (type: string, id: number | string): string => btoa(`0${type.length}:${type}${id}`);
