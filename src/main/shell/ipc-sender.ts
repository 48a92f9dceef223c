// Electron checklist 17: an IPC message counts only when it comes from the
// main frame of our own page, at our own origin.
export interface SenderFrame {
  url: string;
  /** null for a main frame. */
  parent: unknown;
}

export function isTrustedSender(frame: SenderFrame | null | undefined, appOrigins: readonly string[]): boolean {
  if (!frame || frame.parent !== null) return false;
  let origin: string;
  try {
    const url = new URL(frame.url);
    // app://bundle has an opaque origin ("null") in WHATWG terms; compare protocol + host instead.
    origin = `${url.protocol}//${url.host}`;
  } catch {
    return false;
  }
  return appOrigins.includes(origin);
}
