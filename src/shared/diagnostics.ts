// What Settings → Diagnostics shows: the app's version and platform, the last
// warnings and errors main recorded (redacted before they were kept), and a
// plain-text report to paste into an issue. Nothing here leaves the machine
// unless the user copies it.

export interface DiagnosticEntry {
  /** ISO 8601. */
  at: string;
  level: 'warn' | 'error';
  message: string;
  /** The recorded fields, redacted (no tokens, keys or account secrets), as one line of JSON. */
  context?: string;
}

export interface Diagnostics {
  version: string;
  platform: string;
  mode: 'desktop' | 'browser';
  dataDir: string;
  /** Newest first, at most 100. */
  entries: DiagnosticEntry[];
  /** Everything above plus accounts (labels, regions, sign-in state) and refresh status, redacted; Markdown. */
  report: string;
}
