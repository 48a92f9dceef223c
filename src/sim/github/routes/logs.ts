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
  return found ? { status: 200, text: withConsoleOutput(jobLog(found.job)) } : { status: 404, text: 'Not Found' };
}

const esc = '\u001b';
/** What a step printed, by the kind of step: coloured the way npm, eslint and node's test runner colour it. */
function stepOutput(step: string): string[] {
  if (/checkout/i.test(step))
    return ['[command]/usr/bin/git version', 'git version 2.49.0', `${esc}[32mSyncing repository${esc}[0m`];
  if (/npm ci|install/i.test(step))
    return [
      '[command]/usr/bin/npm ci',
      `${esc}[37;40mnpm${esc}[0m ${esc}[0m${esc}[30;43mWARN${esc}[0m deprecated inflight@1.0.6: not supported`,
      'added 812 packages, and audited 813 packages in 21s',
      `found ${esc}[32m${esc}[1m0${esc}[22m${esc}[39m vulnerabilities`,
    ];
  if (/lint/i.test(step))
    return [
      '[command]/usr/bin/npm run lint',
      `${esc}[4m/home/runner/work/src/checkout.ts${esc}[24m`,
      `  ${esc}[2m12:7${esc}[22m  ${esc}[31merror${esc}[39m  'total' is assigned a value but never used  ${esc}[2mno-unused-vars${esc}[22m`,
      `${esc}[31m${esc}[1m✖ 1 problem (1 error, 0 warnings)${esc}[22m${esc}[39m`,
    ];
  if (/test/i.test(step))
    return [
      '[command]/usr/bin/npm test',
      `${esc}[32m✔${esc}[39m cart totals include tax ${esc}[90m(4.1ms)${esc}[39m`,
      `${esc}[32m✔${esc}[39m checkout refuses an empty cart ${esc}[90m(0.9ms)${esc}[39m`,
      `${esc}[38;5;244mℹ tests 2, pass 2, fail 0${esc}[0m`,
    ];
  return [];
}

/**
 * The demo's logs, fuller: after each step's group header, the lines the step
 * printed (with terminal colours and the runner's [command] marks), each with
 * the step's timestamp as GitHub writes it.
 */
function withConsoleOutput(text: string): string {
  let step = '';
  return text
    .split('\n')
    .flatMap((line) => {
      const group = /^(\S+) ##\[group\]Run (.*)$/.exec(line);
      if (group) step = group[2] ?? '';
      const end = /^(\S+) ##\[endgroup\]$/.exec(line);
      return end ? [line, ...stepOutput(step).map((out) => `${end[1] ?? ''} ${out}`)] : [line];
    })
    .join('\n');
}
