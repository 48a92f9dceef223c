// Serves the built renderer as app://bundle/… instead of file:// (Electron
// checklist 18), through the same path check as browser mode.
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { resolveBundleFile, securityHeaders } from '../bundle';

export const appScheme = 'app';
export const appOrigin = 'app://bundle';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: false } },
  ]);
}

export async function serveBundleRequest(rendererDir: string, request: { url: string }): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== 'bundle') return new Response('Not found', { status: 404 });
  const file = await resolveBundleFile(rendererDir, url.pathname);
  if (!file.ok) return new Response(file.status === 404 ? 'Not found' : 'Bad request', { status: file.status });
  return new Response(new Uint8Array(await readFile(file.path)), {
    headers: { ...securityHeaders, 'Content-Type': file.contentType },
  });
}

export function handleAppScheme(rendererDir: string): void {
  protocol.handle(appScheme, (request) => serveBundleRequest(rendererDir, request));
}
