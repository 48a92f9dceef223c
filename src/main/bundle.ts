// Serving the built renderer, shared by the desktop app's app:// protocol and
// browser mode's HTTP server: one path check (no traversal, no symlink
// escape), one content-type table, one Content-Security-Policy.
import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Only bundled scripts and styles; no eval, no inline script, no remote
 * anything. connect-src 'self' is what browser mode's fetch and
 * EventSource need; the desktop renderer makes no requests at all.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export type BundleFile = { ok: true; path: string; contentType: string } | { ok: false; status: 400 | 404 };

/**
 * Maps a URL path (still percent-encoded, as it arrived) to a file under
 * `root`. "/" means index.html. Anything that could leave `root` is a 400;
 * anything missing is a 404.
 */
export async function resolveBundleFile(root: string, urlPath: string): Promise<BundleFile> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { ok: false, status: 400 };
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\') || decoded.length > 1024) {
    return { ok: false, status: 400 };
  }
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) {
    return { ok: false, status: 400 };
  }
  const wanted = decoded === '/' ? '/index.html' : decoded;
  const candidate = resolve(root, `.${wanted}`);
  if (!isInside(root, candidate)) return { ok: false, status: 400 };

  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
    if (!isInside(realRoot, realFile)) return { ok: false, status: 404 };
    if (!(await stat(realFile)).isFile()) return { ok: false, status: 404 };
    return { ok: true, path: realFile, contentType: contentTypes[extname(realFile)] ?? 'application/octet-stream' };
  } catch {
    return { ok: false, status: 404 };
  }
}

function isInside(root: string, file: string): boolean {
  const rel = relative(resolve(root), file);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}
