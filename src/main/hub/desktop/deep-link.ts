// starboard:// links (from a browser, a chat message, another app) and
// notification targets, turned into what the window opens. A link is
// untrusted input: it is parsed strictly, every part checked against what the
// id can be, and anything else is refused (the window is shown as it was).
import { approvalIdSchema, regionSchema } from '../../../shared/model';
import { idSchema } from '../../../shared/ids';
import { buildArnSchema, pipelineExecutionIdSchema } from '../../../shared/aws-commands';
import { codeDeployDeploymentIdSchema } from '../../../shared/contract';
import {
  buildHref,
  codeDeployDeploymentHref,
  deployTargetHref,
  pages,
  pipelineHref,
  projectHref,
  runHref,
} from '../../../shared/route-paths';
import { buildId, pipelineId } from '../../../shared/snapshot';
import type { NotificationTarget } from './notification-plan';

export const deepLinkScheme = 'starboard';
const maxLinkLength = 2048;

/** What a link asks for: a window route, or the review window of one approval. */
export type DeepLink = { kind: 'route'; hash: string } | { kind: 'approval'; approvalId: string };

const pipelineNamePattern = /^[A-Za-z0-9.@_-]{1,100}$/;
const githubNamePattern = /^[A-Za-z0-9_.-]{1,100}$/;

function part(text: string): string | undefined {
  try {
    const value = decodeURIComponent(text);
    // eslint-disable-next-line no-control-regex -- refusing control characters is the point
    return value.length > 0 && !/[\u0000-\u001f\u007f]/u.test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The parts of the path, each decoded once and refused if empty or holding a control character (each section checks the rest). */
function segments(host: string, pathname: string): string[] | undefined {
  const raw = [host, ...pathname.split('/').slice(1)].filter((s, i, all) => !(s === '' && i === all.length - 1));
  const decoded = raw.map(part);
  return decoded.every((s): s is string => s !== undefined) ? decoded : undefined;
}

/** Parses a starboard:// link; undefined for anything malformed or unknown. */
export function parseDeepLink(link: string): DeepLink | undefined {
  if (typeof link !== 'string' || link.length > maxLinkLength) return undefined;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${deepLinkScheme}:` || url.username !== '' || url.password !== '' || url.port !== '')
    return undefined;
  const parts = segments(url.hostname, url.pathname);
  if (!parts) return undefined;
  const [section, ...rest] = parts;
  const route = (hash: string): DeepLink => ({ kind: 'route', hash });

  if (rest.length === 0 && pages.some((p) => p.id === section)) return route(`#/${section}`);
  switch (section) {
    case 'approvals': {
      const [id, ...more] = rest;
      return more.length === 0 && approvalIdSchema.safeParse(id).success
        ? { kind: 'approval', approvalId: id ?? '' }
        : undefined;
    }
    case 'projects': {
      const [id, ...more] = rest;
      return more.length === 0 && idSchema.safeParse(id).success ? route(projectHref(id ?? '')) : undefined;
    }
    case 'pipelines': {
      const [account = '', region = '', name = '', ...more] = rest;
      if (more.length > 0 || !idSchema.safeParse(account).success || !regionSchema.safeParse(region).success)
        return undefined;
      if (!pipelineNamePattern.test(name)) return undefined;
      const execution = url.searchParams.get('execution');
      if (execution !== null && !pipelineExecutionIdSchema.safeParse(execution).success) return undefined;
      const id = pipelineId({ accountKey: account, accountId: '', region }, name);
      return route(pipelineHref(id, execution ?? undefined));
    }
    case 'builds': {
      const [arn, ...more] = rest;
      return more.length === 0 && buildArnSchema.safeParse(arn).success
        ? route(buildHref(buildId(arn ?? '')))
        : undefined;
    }
    case 'deployments': {
      const [kind, id, ...more] = rest;
      return kind === 'codedeploy' && more.length === 0 && codeDeployDeploymentIdSchema.safeParse(id).success
        ? route(codeDeployDeploymentHref(id ?? ''))
        : undefined;
    }
    case 'github': {
      const [account = '', owner = '', name = '', runs, run = '', ...more] = rest;
      if (more.length > 0 || runs !== 'runs' || !/^[1-9]\d{0,15}$/.test(run)) return undefined;
      if (!idSchema.safeParse(account).success || !githubNamePattern.test(owner) || !githubNamePattern.test(name))
        return undefined;
      return route(runHref({ accountKey: account, repository: `${owner}/${name}`, runId: Number(run) }));
    }
    default:
      return undefined;
  }
}

/** The window route a notification (or a tray menu entry) opens. */
export function targetHash(target: NotificationTarget): string {
  switch (target.page) {
    case 'pipeline':
      return pipelineHref(target.resourceId, target.executionId);
    case 'build':
      return buildHref(target.resourceId);
    case 'github-run':
      return runHref(target);
    case 'deploy-target':
      return deployTargetHref(target.resourceId);
    case 'codedeploy-deployment':
      return codeDeployDeploymentHref(target.deploymentId);
    case 'approvals':
      return '#/approvals';
    case 'home':
      return '#/home';
  }
}
