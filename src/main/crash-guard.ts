// Unhandled errors in the main process (or browser mode's server) are
// recorded, never lost and never sent anywhere: the hub keeps them, redacted,
// in the data folder, where Settings → Diagnostics shows them and copies them
// into a report. Starboard keeps running; an error that escaped one task must
// not take the tray and every other account's refresh down with it.

/** What went unhandled, where. */
export type CrashKind = 'uncaught-exception' | 'unhandled-rejection' | 'renderer-gone' | 'renderer-unresponsive';

export type CrashReport = (kind: CrashKind, error: unknown) => void;

/** The part of `process` this needs, so a test can hand in an emitter. */
export interface ProcessEvents {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

export function installCrashGuard(proc: ProcessEvents, report: CrashReport): void {
  proc.on('uncaughtException', (error) => report('uncaught-exception', error));
  proc.on('unhandledRejection', (reason) => report('unhandled-rejection', reason));
}

/** The message and the top of the stack, enough to find the line without the whole trace. */
export function describeCrash(error: unknown): { message: string; stack?: string } {
  if (error instanceof Error) {
    const stack = error.stack?.split('\n').slice(1, 13).join('\n');
    return { message: error.message || error.name, ...(stack ? { stack } : {}) };
  }
  // JSON.stringify answers undefined for undefined and functions, whatever its typings say.
  const json = JSON.stringify(error) as string | undefined;
  const text = typeof error === 'string' ? error : (json ?? String(error));
  return { message: text.slice(0, 500) };
}
