// Settings → Diagnostics: keeps the hub's last warnings and errors (redacted
// before they are kept, and kept across restarts in a bounded file) and writes
// the Markdown report a user pastes into an issue. No secret ever reaches it.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { AwsAccountStatus } from '../../shared/aws-accounts';
import type { DiagnosticEntry, Diagnostics } from '../../shared/diagnostics';
import type { GitHubAccountStatus } from '../../shared/github-accounts';
import type { AppInfo } from '../../shared/model';
import type { RefreshStatus } from '../../shared/refresh';
import type { Logger } from './log';

export const diagnosticsFile = 'diagnostics.jsonl';
export const diagnosticsLimit = 100;
const redacted = '[redacted]';

/** Field names whose values are secrets whatever they look like. */
const secretField = /token|secret|password|passphrase|credential|authorization|cookie|session_?key|private_?key/i;

/** Values that look like secrets wherever they appear in text. */
const secretPatterns: RegExp[] = [
  /\b(?:AKIA|ASIA|AROA|AIDA|ANPA|ANVA|AGPA|AIPA)[A-Z0-9]{12,}\b/g,
  /\bgh[posur]_[A-Za-z0-9]{20,}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{20,}\b/g,
  /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  /\b(?:token|secret|password|sessionToken|aws_secret_access_key|aws_session_token|x-amz-security-token)(["']?\s*[:=]\s*["']?)[^\s"',;&]+/gi,
  // A 40-character base64 run with a capital is what an AWS secret access key looks like (a commit SHA has none).
  /(?<![A-Za-z0-9/+=])(?=[a-z0-9/+]{0,39}[A-Z])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g,
];

export function redactText(text: string): string {
  let out = text;
  for (const pattern of secretPatterns) {
    out = out.replace(pattern, (match, separator: unknown) =>
      typeof separator === 'string' ? `${match.slice(0, match.indexOf(separator))}${separator}${redacted}` : redacted,
    );
  }
  return out;
}

/** A JSON-safe copy with secret fields replaced and secret-looking text masked. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 4) return '[…]';
  if (value instanceof Error) return redactText(value.message);
  if (Array.isArray(value)) return value.slice(0, 20).map((item) => redactValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    out[key] = secretField.test(key) ? redacted : redactValue(field, depth + 1);
  }
  return out;
}

function contextOf(fields: unknown): string | undefined {
  // JSON.stringify gives undefined for these, whatever its typings say.
  if (fields === undefined || fields === '' || typeof fields === 'function' || typeof fields === 'symbol')
    return undefined;
  const text = JSON.stringify(redactValue(fields));
  if (text === '{}') return undefined;
  return text.length > 2_000 ? `${text.slice(0, 2_000)}…` : text;
}

function parseEntry(line: string): DiagnosticEntry | undefined {
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== 'object' || value === null) return undefined;
    const { at, level, message, context } = value as Record<string, unknown>;
    if (typeof at !== 'string' || typeof message !== 'string' || (level !== 'warn' && level !== 'error'))
      return undefined;
    return { at, level, message, ...(typeof context === 'string' ? { context } : {}) };
  } catch {
    return undefined;
  }
}

export interface RecorderOptions {
  /** The JSON-lines file kept across restarts; none keeps entries in memory only. */
  file?: string;
  now?: () => Date;
  limit?: number;
}

/** The last warnings and errors, oldest first inside, newest first outside. */
export class DiagnosticsRecorder {
  readonly #file: string | undefined;
  readonly #now: () => Date;
  readonly #limit: number;
  #entries: DiagnosticEntry[] = [];
  /** Lines in the file, so it is compacted before it grows past twice the limit. */
  #lines = 0;

  constructor(options: RecorderOptions = {}) {
    this.#file = options.file;
    this.#now = options.now ?? (() => new Date());
    this.#limit = options.limit ?? diagnosticsLimit;
    if (this.#file && existsSync(this.#file)) {
      try {
        const lines = readFileSync(this.#file, 'utf8').split('\n').filter(Boolean);
        this.#lines = lines.length;
        this.#entries = lines.flatMap((line) => parseEntry(line) ?? []).slice(-this.#limit);
      } catch {
        this.#entries = [];
      }
    }
  }

  /** Newest first. */
  get entries(): DiagnosticEntry[] {
    return [...this.#entries].reverse();
  }

  record(level: DiagnosticEntry['level'], message: string, fields?: unknown): void {
    const context = contextOf(fields);
    const entry: DiagnosticEntry = {
      at: this.#now().toISOString(),
      level,
      message: redactText(message).slice(0, 1_000),
      ...(context ? { context } : {}),
    };
    this.#entries.push(entry);
    if (this.#entries.length > this.#limit) this.#entries.splice(0, this.#entries.length - this.#limit);
    this.#persist(entry);
  }

  /** The same logger, with every warning and error also recorded here. */
  wrap(log: Logger): Logger {
    return {
      info: (message, fields) => log.info(message, fields),
      warn: (message, fields) => {
        this.record('warn', message, fields);
        log.warn(message, fields);
      },
      error: (message, error) => {
        this.record('error', message, error);
        log.error(message, error);
      },
    };
  }

  #persist(entry: DiagnosticEntry): void {
    if (!this.#file) return;
    // Diagnostics must never break what they observe: a full disk loses entries, nothing else.
    try {
      if (this.#lines + 1 > this.#limit * 2) {
        writeFileSync(this.#file, this.#entries.map((e) => `${JSON.stringify(e)}\n`).join(''), { mode: 0o600 });
        this.#lines = this.#entries.length;
      } else {
        appendFileSync(this.#file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
        this.#lines += 1;
      }
    } catch {
      // Nothing to do: see above.
    }
  }
}

export interface ReportInput {
  info: Pick<AppInfo, 'version' | 'platform' | 'mode' | 'dataDir'>;
  entries: DiagnosticEntry[];
  awsAccounts: AwsAccountStatus[];
  githubAccounts: GitHubAccountStatus[];
  refresh: RefreshStatus | undefined;
  demo: boolean;
  now?: Date;
}

const cell = (text: string) => redactText(text).replace(/\|/g, '\\|').replace(/\s+/g, ' ');

/** The Markdown report: what a maintainer needs, nothing that signs in. */
export function diagnosticsReport(input: ReportInput): string {
  const { info, entries, refresh } = input;
  const lines = [
    '# Starboard diagnostic report',
    '',
    `- Generated: ${(input.now ?? new Date()).toISOString()}`,
    `- Version: ${info.version}`,
    `- Platform: ${info.platform}`,
    `- Mode: ${info.mode === 'browser' ? 'browser mode' : 'desktop app'}`,
    `- Workspace: ${input.demo ? 'demo' : 'user'}`,
    '',
    `## AWS accounts (${input.awsAccounts.length})`,
    '',
  ];
  if (input.awsAccounts.length === 0) lines.push('None.');
  else {
    lines.push('| Label | Profile | Regions | State | Problem |', '| --- | --- | --- | --- | --- |');
    for (const a of input.awsAccounts)
      lines.push(
        `| ${cell(a.label)} | ${cell(a.profile ?? 'default chain')} | ${cell(a.regions.join(', '))} | ${a.state} | ${cell(a.problem ?? '')} |`,
      );
  }
  lines.push('', `## GitHub accounts (${input.githubAccounts.length})`, '');
  if (input.githubAccounts.length === 0) lines.push('None.');
  else {
    lines.push('| Label | Host | Token source | State | Problem |', '| --- | --- | --- | --- | --- |');
    for (const g of input.githubAccounts)
      lines.push(`| ${cell(g.label)} | ${cell(g.host)} | ${g.token.source} | ${g.state} | ${cell(g.problem ?? '')} |`);
  }
  lines.push('', '## Refresh', '');
  if (!refresh) lines.push('Not running.');
  else {
    lines.push(
      `- Last refresh: ${refresh.lastRefreshAt ?? 'never'}`,
      `- Online: ${refresh.online ? 'yes' : `no${refresh.offlineSince ? ` (since ${refresh.offlineSince})` : ''}`}`,
      `- Tasks: ${refresh.tasks}, running: ${refresh.running}, failing: ${refresh.failing.length}`,
      `- Throttled lanes: ${refresh.throttled.length}`,
      `- Accounts waiting for sign-in: ${refresh.needsSignIn.length}`,
    );
    for (const failing of refresh.failing.slice(0, 20))
      lines.push(`  - ${cell(failing.key)}: ${cell(failing.message)}`);
  }
  lines.push('', `## Recent warnings and errors (${entries.length})`, '');
  if (entries.length === 0) lines.push('None.');
  for (const entry of entries)
    lines.push(
      `- ${entry.at} ${entry.level.toUpperCase()} ${cell(entry.message)}${entry.context ? ` ${cell(entry.context)}` : ''}`,
    );
  return `${lines.join('\n')}\n`;
}

export function diagnosticsOf(input: ReportInput): Diagnostics {
  return {
    version: input.info.version,
    platform: input.info.platform,
    mode: input.info.mode,
    dataDir: input.info.dataDir,
    entries: input.entries,
    report: diagnosticsReport(input),
  };
}
