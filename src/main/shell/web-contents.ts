// Hardening applied to every web contents the app creates (Electron checklist
// 11-14): no navigation away from the bundle, no new windows (links go to the
// openExternal gate instead), no <webview>.
import type { WebContents } from 'electron';

export interface GuardDeps {
  /** Hands a URL to the user's browser if, and only if, it passes the allow-list. */
  openExternal: (url: string) => void;
  warn: (message: string, fields?: Record<string, unknown>) => void;
}

export function guardWebContents(contents: WebContents, deps: GuardDeps): void {
  const block = (what: string) => (event: { preventDefault(): void }, url?: unknown) => {
    event.preventDefault();
    deps.warn(`blocked ${what}`, { url: typeof url === 'string' ? url.slice(0, 200) : undefined });
  };
  contents.on('will-navigate', block('navigation'));
  contents.on('will-frame-navigate', (event) => block('frame navigation')(event, event.url));
  contents.on('will-redirect', block('redirect'));
  contents.on('will-attach-webview', block('webview'));
  contents.setWindowOpenHandler(({ url }) => {
    deps.openExternal(url);
    return { action: 'deny' };
  });
}
