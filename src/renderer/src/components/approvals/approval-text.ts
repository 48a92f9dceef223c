// How an approval reads on screen: time left before it expires, short commit
// ids, first lines, who decided, and which links may be shown as links.
// Pure functions of their input (and of `now`), so they are tested in Node.
import type { ApprovalAuditEntry, DecisionStatus } from '../../../../shared/approvals';

/** CodePipeline fails a manual approval nobody answered after 7 days unless the action sets another timeout. */
export const defaultApprovalTimeoutMs = 7 * 24 * 60 * 60 * 1000;

const minute = 60 * 1000;
const hour = 60 * minute;
const day = 24 * hour;

export interface TimeLeft {
  text: string;
  /** soon: under a day; expired: past the time; the others as their names say. */
  urgency: 'ok' | 'soon' | 'expired' | 'unknown';
  /** The expiry comes from CodePipeline's 7-day default, not from the action itself. */
  estimated: boolean;
}

/** A duration as its two largest units: "6 d 23 h", "5 h 12 min", "12 min". */
export function formatDuration(ms: number): string {
  if (ms < minute) return 'less than a minute';
  const days = Math.floor(ms / day);
  const hours = Math.floor((ms % day) / hour);
  const minutes = Math.floor((ms % hour) / minute);
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}

/**
 * Time left until `expiresAt`; without one, until the default 7 days after
 * `requestedAt` (said as an estimate).
 */
export function timeLeft(expiresAt: string | null, requestedAt: string | null, now: Date): TimeLeft {
  const estimated = expiresAt === null;
  const end = expiresAt !== null ? Date.parse(expiresAt) : Date.parse(requestedAt ?? '') + defaultApprovalTimeoutMs;
  if (Number.isNaN(end)) return { text: 'expiry unknown', urgency: 'unknown', estimated };
  const left = end - now.getTime();
  if (left <= 0) return { text: 'expired', urgency: 'expired', estimated };
  const text = `${estimated ? 'about ' : ''}${formatDuration(left)} left`;
  return { text, urgency: left < day ? 'soon' : 'ok', estimated };
}

/** "3 min ago", "2 h ago", "4 d ago"; "just now" under a minute. */
export function timeAgo(at: string, now: Date): string {
  const ms = now.getTime() - Date.parse(at);
  if (Number.isNaN(ms)) return 'at an unknown time';
  if (ms < minute) return 'just now';
  return `${formatDuration(ms).split(' ').slice(0, 2).join(' ')} ago`;
}

/** A git commit id as 7 characters, an image digest as its algorithm and 12; other ids up to 12. */
export function shortRevision(id: string): string {
  if (/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(id)) return id.slice(0, 7);
  const digest = /^(sha\d+):([0-9a-f]+)$/i.exec(id);
  if (digest?.[1] && digest[2]) return `${digest[1]}:${digest[2].slice(0, 12)}`;
  return id.length > 12 ? `${id.slice(0, 12)}…` : id;
}

/** The first non-empty line of a commit message, at most `max` characters. */
export function firstLine(message: string, max = 100): string {
  const line = message.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const trimmed = line.trim();
  return trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed;
}

/**
 * Who an IAM ARN is, for people: the user name, the session of an assumed
 * role ("maya via Deployer"), the root user; anything else as given.
 */
export function principalLabel(arn: string): string {
  const match = /^arn:aws[a-z-]*:(iam|sts)::\d{12}:(.+)$/.exec(arn);
  const resource = match?.[2];
  if (!resource) return arn;
  if (resource === 'root') return 'the account’s root user';
  const [kind, ...rest] = resource.split('/');
  if (kind === 'assumed-role' && rest.length >= 2) return `${rest[rest.length - 1] ?? ''} via ${rest[0] ?? ''}`;
  if (kind === 'user' && rest.length >= 1) return rest[rest.length - 1] ?? arn;
  return arn;
}

/**
 * The href for a URL from provider data when it may be a link at all: http(s)
 * only, never javascript:, data: or file:. Where it opens is still decided by
 * main's allow-list (the window's open handler).
 */
export function linkHref(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Removes control characters the contract refuses (keeps tab and newline; unicode stays). */
export function cleanComment(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu, '');
}

/** CodePipeline's limit for an approval summary (approvalCommentSchema). */
export const maxCommentLength = 512;

const resultLabels: Record<DecisionStatus, string> = {
  pending: 'Not sent yet',
  submitting: 'Sending',
  succeeded: 'Applied',
  rejected: 'Not applied',
  unknown: 'Outcome unknown',
};

/** The result column of the audit log: what happened to the decision, and why when it was not applied. */
export function auditResult(entry: ApprovalAuditEntry): string {
  const label = resultLabels[entry.result];
  if (entry.result === 'succeeded')
    return entry.response?.reconciled ? `${label} (confirmed from the pipeline)` : label;
  const why = entry.response?.message;
  return why ? `${label}: ${why}` : label;
}

export const decisionLabel = (decision: 'approve' | 'reject'): string =>
  decision === 'approve' ? 'Approve' : 'Reject';
