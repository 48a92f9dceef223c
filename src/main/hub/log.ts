// A small logger seam so tests can watch what the hub reports. Messages and
// fields never carry secrets or message payloads.
export interface Logger {
  info: (message: string, fields?: Record<string, unknown>) => void;
  warn: (message: string, fields?: Record<string, unknown>) => void;
  error: (message: string, error?: unknown) => void;
}

export const consoleLogger: Logger = {
  info: (message, fields) => console.info(`[starboard] ${message}`, fields ?? ''),
  warn: (message, fields) => console.warn(`[starboard] ${message}`, fields ?? ''),
  error: (message, error) =>
    console.error(`[starboard] ${message}`, error instanceof Error ? (error.stack ?? error.message) : (error ?? '')),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
