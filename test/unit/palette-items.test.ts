// The command palette's items and ranking: what it offers from the projects
// and the snapshot, where each result goes, how a query orders them, and that
// untrusted names stay plain text.
import { pipelineHref } from '../../src/shared/route-paths';
import { describe, expect, it } from 'vitest';
import type { Build } from '../../src/shared/builds';
import { indexByMemberRef } from '../../src/shared/project-resources';
import type { ProjectView } from '../../src/shared/projects';
import { buildResource, emptySnapshot, pipelineResource, type Snapshot } from '../../src/shared/snapshot';
import {
  newestPerOwner,
  paletteItems,
  type PaletteItem,
  type PaletteSources,
} from '../../src/renderer/src/components/palette/palette-items';
import {
  fuzzyMatch,
  highlightSegments,
  maxResults,
  rankItems,
} from '../../src/renderer/src/components/palette/palette-rank';
import { chordLabel, isMacPlatform, shortcutGroups } from '../../src/renderer/src/components/palette/shortcuts';

const location = { accountKey: 'acme', accountId: '111122223333', region: 'eu-west-1' };
const fetchedAt = '2026-11-28T10:00:00.000Z';
const pipelineArn = (name: string): string => `arn:aws:codepipeline:eu-west-1:111122223333:${name}`;
const codebuildArn = (name: string): string => `arn:aws:codebuild:eu-west-1:111122223333:project/${name}`;

function pipeline(name: string) {
  return pipelineResource(
    { summary: { name, location, arn: pipelineArn(name), version: 1, consoleUrl: 'https://console.aws.amazon.com/' } },
    { fetchedAt },
  );
}

function build(project: string, number: number): ReturnType<typeof buildResource> {
  const id = `${project}:${number}`;
  const data: Build = {
    id,
    arn: `arn:aws:codebuild:eu-west-1:111122223333:build/${id}`,
    location,
    project,
    number,
    status: 'SUCCEEDED',
    complete: true,
    phases: [],
    startTime: new Date(Date.parse(fetchedAt) - (100 - number) * 60_000).toISOString(),
    consoleUrl: 'https://console.aws.amazon.com/',
    environmentVariables: [],
    exportedVariableNames: [],
  };
  return buildResource(data, { fetchedAt });
}

function project(id: string, name: string, refs: string[]): ProjectView {
  return {
    id,
    name,
    state: 'confirmed',
    created: false,
    mergedFrom: [],
    members: refs.map((ref) => ({ ref, kind: 'pipeline', reasons: [] })),
  };
}

function sources(snapshot: Snapshot, projects: ProjectView[], demo = { active: true }): PaletteSources {
  return {
    projects,
    snapshot,
    index: indexByMemberRef(snapshot),
    accountLabels: new Map([['acme', 'Acme Rockets']]),
    demo,
  };
}

function demoLike(): PaletteSources {
  const snapshot = emptySnapshot(fetchedAt);
  const resources = [
    pipeline('payments-api-pipeline'),
    pipeline('storefront-pipeline'),
    pipeline('deploy-app-yaml'),
    ...Array.from({ length: 8 }, (_, i) => build('payments-api-build', i + 1)),
  ];
  for (const r of resources) snapshot.resources[r.id] = r;
  return sources(snapshot, [
    project('payments', 'Payments API', [pipelineArn('payments-api-pipeline'), codebuildArn('payments-api-build')]),
    project('storefront', 'Storefront', [pipelineArn('storefront-pipeline'), pipelineArn('deploy-app-yaml')]),
  ]);
}

const titles = (ranked: { item: PaletteItem }[]): string[] => ranked.map((r) => r.item.title);
const hrefOf = (item: PaletteItem | undefined): string | undefined => (item && 'href' in item ? item.href : undefined);

describe('the palette’s items', () => {
  it('offers each project with its pipelines and newest builds, each linked to its own page', () => {
    const items = paletteItems(demoLike());
    const pipelineItem = items.find((i) => i.title === 'payments-api-pipeline');
    expect(pipelineItem).toMatchObject({ kind: 'pipeline', subtitle: 'Payments API · Acme Rockets · eu-west-1' });
    expect(hrefOf(pipelineItem)).toBe(pipelineHref('pipeline:acme:eu-west-1:payments-api-pipeline'));
    expect(hrefOf(items.find((i) => i.kind === 'project' && i.title === 'Payments API'))).toBe('#/projects/payments');
    const builds = items.filter((i) => i.kind === 'build');
    expect(builds).toHaveLength(newestPerOwner);
    expect(builds[0]?.title).toBe('payments-api-build #8');
    expect(hrefOf(builds[0])).toMatch(/^#\/builds\/build%3Aarn%3Aaws%3Acodebuild%3A/);
  });

  it('offers pages with their shortcut and commands, leaving the demo only while it runs', () => {
    const items = paletteItems(demoLike());
    expect(items.find((i) => i.title === 'Go to Settings')).toMatchObject({ href: '#/settings', keys: ['Mod', ','] });
    expect(items.some((i) => 'command' in i && i.command === 'demo-close')).toBe(true);
    const off = paletteItems({ ...demoLike(), demo: { active: false } });
    expect(off.some((i) => 'command' in i && i.command === 'demo-open')).toBe(true);
    expect(off.some((i) => 'command' in i && i.command === 'demo-close')).toBe(false);
  });

  it('has unique ids even when two projects hold the same pipeline', () => {
    const base = demoLike();
    const twice = {
      ...base,
      projects: [...base.projects, project('copy', 'Copy', [pipelineArn('storefront-pipeline')])],
    };
    const ids = paletteItems(twice).map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('ranking', () => {
  const items = paletteItems(demoLike());

  it('puts the project whose name starts with the query first', () => {
    const ranked = rankItems(items, 'pay');
    expect(ranked[0]?.item).toMatchObject({ kind: 'project', title: 'Payments API' });
    expect(ranked[0]?.titleMatches).toEqual([0, 1, 2]);
    // "deploy-app-yaml" holds p…a…y too, but scattered: it comes after every word-start match.
    const order = titles(ranked);
    expect(order.indexOf('deploy-app-yaml')).toBeGreaterThan(order.indexOf('payments-api-pipeline'));
  });

  it('prefers word starts and contiguous letters', () => {
    expect(fuzzyMatch('storefront-pipeline', 'sp')?.positions).toEqual([0, 11]);
    expect(fuzzyMatch('Payments API', 'api')?.positions).toEqual([9, 10, 11]);
    const [a, b] = [fuzzyMatch('payments-api', 'api'), fuzzyMatch('rapid-input', 'api')];
    expect(a && b && a.score > b.score).toBe(true);
  });

  it('ignores case and needs the letters in order', () => {
    expect(fuzzyMatch('Payments API', 'PAYMENTS')).toBeDefined();
    expect(fuzzyMatch('Payments API', 'ipa')).toBeUndefined();
    expect(rankItems(items, 'zzzz')).toEqual([]);
  });

  it('is stable: equal scores keep the kind order, then the given order', () => {
    const ranked = titles(rankItems(items, 'payments-api-build #'));
    expect(ranked.slice(0, newestPerOwner)).toEqual([8, 7, 6, 5, 4].map((n) => `payments-api-build #${n}`));
  });

  it('matches the subtitle when the title does not, below title matches', () => {
    const ranked = rankItems(items, 'storefront');
    expect(ranked[0]?.item.title).toBe('Storefront');
    const deploy = ranked.find((r) => r.item.title === 'deploy-app-yaml');
    expect(deploy?.titleMatches).toEqual([]);
    expect(deploy?.subtitleMatches.length).toBe('storefront'.length);
  });

  it('lists pages and commands first for an empty query', () => {
    const ranked = rankItems(items, '  ');
    const firstOther = ranked.findIndex((r) => r.item.kind !== 'page' && r.item.kind !== 'command');
    expect(ranked.slice(0, firstOther).every((r) => r.item.kind === 'page' || r.item.kind === 'command')).toBe(true);
    expect(firstOther).toBeGreaterThan(5);
  });

  it('stops at the cap', () => {
    const many: PaletteItem[] = Array.from({ length: 500 }, (_, i) => ({
      id: `p${i}`,
      kind: 'pipeline',
      title: `pipeline-${i}`,
      subtitle: '',
      href: '#/home',
    }));
    expect(rankItems(many, 'pipe')).toHaveLength(maxResults);
    expect(rankItems(many, '')).toHaveLength(maxResults);
  });
});

describe('hostile text', () => {
  it('stays text: titles pass through as given, highlights cut them into plain runs', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const base = demoLike();
    const items = paletteItems({ ...base, projects: [...base.projects, project('evil', hostile, [])] });
    const ranked = rankItems(items, 'img');
    expect(ranked[0]?.item.title).toBe(hostile);
    const segments = highlightSegments(hostile, ranked[0]?.titleMatches ?? []);
    expect(segments.map((s) => s.text).join('')).toBe(hostile);
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['img']);
  });

  it('survives very long names and queries', () => {
    const long = 'a'.repeat(10_000);
    expect(fuzzyMatch(long, 'a'.repeat(500))?.positions.length).toBeGreaterThan(0);
  });
});

describe('shortcut names', () => {
  it('writes ⌘ on macOS and Ctrl elsewhere', () => {
    expect(chordLabel(['Mod', 'K'], true)).toBe('⌘K');
    expect(chordLabel(['Mod', 'Shift', 'P'], false)).toBe('Ctrl+Shift+P');
    expect(isMacPlatform({ userAgentData: { platform: 'macOS' } })).toBe(true);
    expect(isMacPlatform({ platform: 'MacIntel' })).toBe(true);
    expect(isMacPlatform({ platform: 'Linux x86_64', userAgent: 'Mac' })).toBe(false);
    expect(isMacPlatform({ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)' })).toBe(true);
  });

  it('lists every page shortcut', () => {
    const pages = shortcutGroups.find((g) => g.title === 'Pages')?.shortcuts ?? [];
    expect(pages.map((s) => s.keys[1])).toEqual(['1', '2', '3', '4', '5', '6', '7', ',']);
  });
});
