// Where each bench part leaves its figures: bench-results/parts/<name>.json,
// merged into bench-results/latest.json by bench/merge.js.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const partsDir = join(import.meta.dirname, '..', '..', 'bench-results', 'parts');

export function writePart(name: string, figures: Record<string, unknown>): void {
  mkdirSync(partsDir, { recursive: true });
  writeFileSync(join(partsDir, `${name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
}

/** The two sizes of the `scale` scenario every figure is taken at (pipelines). */
export const sizes = { small: 50, large: 500 } as const;

export const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;
