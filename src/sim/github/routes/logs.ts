// Job logs: the API answers 302 with a short-lived signed URL, and that URL
// (on the same server, outside the API, needing no token, like GitHub's blob
// storage) serves the log as text/plain.
import { createHash } from 'node:crypto';
import { notFound } from '../http/errors';
import type { RouteContext, RouteResult } from '../router';
import type { Repository } from '../world/model';
import { fullName } from '../world/model';
import type { World } from '../world/world';
import { jobLog } from '../wire/actions';

export const logPathPrefix = '/_sim/job-logs/';
const lifetimeMs = 60_000;

const signature = (secret: string, repo: string, jobId: number, expires: number): string =>
  createHash('sha256').update(`${secret}|${repo}|${jobId}|${expires}`).digest('hex');

export function jobLogRedirect(ctx: RouteContext, repo: Repository, jobId: number): RouteResult {
  if (!ctx.world.findJob(repo, jobId)) throw notFound();
  const expires = ctx.world.now() + lifetimeMs;
  const name = fullName(repo);
  const url = new URL(`${logPathPrefix}${name}/${jobId}`, ctx.links.web);
  url.searchParams.set('expires', String(expires));
  url.searchParams.set('sig', signature(ctx.world.logSecret, name, jobId, expires));
  return { status: 302, headers: { location: url.toString() } };
}

/** Serves a signed log URL; 403 when the signature is wrong or expired, as blob storage does. */
export function serveJobLog(world: World, url: URL): { status: number; text: string } {
  const m = /^\/_sim\/job-logs\/([^/]+)\/([^/]+)\/(\d+)$/.exec(url.pathname);
  const expires = Number(url.searchParams.get('expires'));
  if (!m) return { status: 404, text: 'Not Found' };
  const [, owner = '', name = '', id = ''] = m;
  const repo = world.findRepo(owner, name);
  const jobId = Number(id);
  const valid =
    repo !== undefined &&
    world.now() <= expires &&
    url.searchParams.get('sig') === signature(world.logSecret, fullName(repo), jobId, expires);
  if (!valid) return { status: 403, text: 'AuthenticationFailed: signature invalid or expired' };
  const found = world.findJob(repo, jobId);
  return found ? { status: 200, text: jobLog(found.job) } : { status: 404, text: 'Not Found' };
}
