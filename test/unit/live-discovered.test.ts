// Discovery's proposals kept on disk, and carried over for regions not read
// yet, so an offline start keeps its projects.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { carryOver, DiscoveredProjects, discoveredFileName } from '../../src/main/hub/live/discovered';
import { silentLogger } from '../../src/main/hub/log';
import type { ProposedProject } from '../../src/shared/projects';
import { tempDir } from '../support/temp-hub';

let dir: string;
let remove: () => void;
beforeEach(() => ({ dir, remove } = tempDir()));
afterEach(() => remove());

const now = new Date('2026-11-27T09:00:00Z');
const proposal = (id: string, ...refs: string[]): ProposedProject => ({
  id,
  name: id,
  namedBy: { kind: 'pipeline', ref: refs[0] ?? id },
  anchors: [],
  members: refs.map((ref) => ({ ref, kind: 'pipeline', reasons: [{ kind: 'pipeline' }] })),
});
const east = (name: string) => `arn:aws:codepipeline:us-east-1:111122223333:${name}`;
const west = (name: string) => `arn:aws:codepipeline:eu-west-1:111122223333:${name}`;

describe('discovered projects on disk', () => {
  it('keeps the last proposals across a restart and writes only when they change', async () => {
    const first = DiscoveredProjects.open(dir, silentLogger, now);
    expect(first.proposals).toEqual([]);
    expect(first.replace([proposal('shop', east('shop'))])).toBe(true);
    expect(first.replace([proposal('shop', east('shop'))])).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(DiscoveredProjects.open(dir, silentLogger, now).proposals).toEqual([proposal('shop', east('shop'))]);
  });

  it('keeps a file that does not match aside and starts empty', () => {
    writeFileSync(join(dir, discoveredFileName), JSON.stringify({ version: 1, proposals: [{ id: '../x' }] }));
    expect(DiscoveredProjects.open(dir, silentLogger, now).proposals).toEqual([]);
  });
});

describe('carrying proposals over', () => {
  const previous = [
    proposal('shop', east('shop')),
    proposal('api', west('api')),
    proposal('both', east('a'), west('b')),
  ];

  it('keeps the projects that live only in regions not read yet', () => {
    const unreadWest = (_account: string, region: string) => region === 'eu-west-1';
    expect(carryOver([proposal('shop', east('shop'))], previous, unreadWest).map((p) => p.id)).toEqual(['shop', 'api']);
  });

  it('drops what a region read no longer proposes, and never duplicates an id', () => {
    const nothingUnread = () => false;
    expect(carryOver([], previous, nothingUnread)).toEqual([]);
    const everythingUnread = () => true;
    expect(carryOver([proposal('api', west('api2'))], previous, everythingUnread).map((p) => p.id)).toEqual([
      'api',
      'shop',
      'both',
    ]);
  });
});
