// JSON files in the data folder that a crash never leaves half written: a
// temp file beside the target, fsync, rename, readable by the owner only. A
// file that cannot be read back is kept aside under a new name and reported,
// so a start never fails on it and nothing is silently wiped.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { StoreNotice } from '../../../shared/model';

const tempSuffix = '.tmp';

export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = `${path}.${randomBytes(6).toString('hex')}${tempSuffix}`;
  try {
    const file = await open(temp, 'wx', 0o600);
    try {
      await file.writeFile(text, 'utf8');
      // The data must be on disk before the rename makes it the file.
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}

/** Makes the rename itself durable. Not every platform can open a folder (Windows): best effort. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The rename is atomic either way; only its durability across a power cut is weaker.
  }
}

/** Temp files a killed process left behind (RELIABILITY R02): never complete, so removed. */
export function removeStaleTemps(path: string): void {
  const prefix = `${basename(path)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(prefix) && name.endsWith(tempSuffix)) rmSync(join(dirname(path), name), { force: true });
  }
}

export type JsonRead = { kind: 'missing' } | { kind: 'json'; value: unknown } | { kind: 'invalid'; reason: string };

/** Reads synchronously: a start shows the last data before anything else runs. */
export function readJsonFile(path: string, maxBytes: number): JsonRead {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return { kind: 'missing' };
  }
  if (size > maxBytes) return { kind: 'invalid', reason: `larger than ${maxBytes} bytes (${size})` };
  try {
    return { kind: 'json', value: JSON.parse(readFileSync(path, 'utf8')) as unknown };
  } catch (error) {
    return { kind: 'invalid', reason: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** Renames the file to `<name>.invalid-<time>.json` beside it and says so. */
export function keepAside(path: string, reason: string, now: Date): StoreNotice {
  const keptAs = `${path.replace(/\.json$/, '')}.invalid-${now.toISOString().replace(/[:.]/g, '-')}.json`;
  try {
    renameSync(path, keptAs);
    return { file: path, keptAs, reason };
  } catch (error) {
    // Still no reason to fail the start: the next write replaces the file.
    const why = error instanceof Error ? error.message : String(error);
    return { file: path, keptAs: path, reason: `${reason}; it could not be renamed (${why})` };
  }
}

export type Parse<T> = (value: unknown) => { ok: true; value: T } | { ok: false; error: string };

/** Reads and checks a JSON file; one that fails is kept aside and reported, never thrown. */
export function loadJsonFile<T>(
  path: string,
  maxBytes: number,
  now: Date,
  parse: Parse<T>,
): { value: T | undefined; notice?: StoreNotice } {
  const read = readJsonFile(path, maxBytes);
  if (read.kind === 'missing') return { value: undefined };
  const parsed = read.kind === 'json' ? parse(read.value) : { ok: false as const, error: read.reason };
  if (!parsed.ok) return { value: undefined, notice: keepAside(path, parsed.error, now) };
  return { value: parsed.value };
}
