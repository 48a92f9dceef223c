// The user's edits over discovery's proposals: each kind of edit, and the
// promise that a rediscovery finding new resources keeps every one of them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discoverProjects, type DiscoveryInput } from '../../src/main/hub/projects/discovery';
import { applyCommand } from '../../src/main/hub/projects/edit-commands';
import { applyEdits, ProjectResolver } from '../../src/main/hub/projects/edits';
import {
  emptyProjectEdits,
  type ProjectCommand,
  type ProjectEdits,
  projectEditsSchema,
  type ProjectsView,
  workspaceProjectsSchema,
} from '../../src/shared/projects';
import { arn, codeBuild, codeCommit, pipeline, project, tagged } from './projects-fixtures';

const base: DiscoveryInput = {
  pipelines: [
    pipeline('web', [codeCommit('web'), codeBuild('web-build')]),
    pipeline('api', [codeCommit('api'), codeBuild('api-build')]),
    pipeline('docs', [codeCommit('docs')]),
  ],
};
/** The same accounts a day later: a second web pipeline and a new tagged build project for api. */
const grown: DiscoveryInput = {
  pipelines: [...base.pipelines, pipeline('web-release', [codeCommit('web'), codeBuild('web-e2e')])],
  tagged: [tagged(arn('codebuild', 'project/api-load'), project('api'))],
};

function run(edits: ProjectEdits, input: DiscoveryInput, ...commands: ProjectCommand[]): ProjectEdits {
  let at = edits;
  for (const command of commands) {
    const next = applyCommand(at, command, applyEdits(discoverProjects(input), at));
    if (!next.ok) throw new Error(`${command.kind}: ${next.error.message}`);
    at = next.value;
  }
  return at;
}
const view = (input: DiscoveryInput, edits: ProjectEdits): ProjectsView => applyEdits(discoverProjects(input), edits);
const shown = (v: ProjectsView, id: string) => v.projects.find((p) => p.id === id);
const refs = (v: ProjectsView, id: string): string[] => (shown(v, id)?.members ?? []).map((m) => m.ref);

describe('each edit survives a rediscovery with new resources', () => {
  it('shows proposals as proposed until confirmed', () => {
    expect(view(base, emptyProjectEdits).projects.map((p) => [p.id, p.state])).toEqual([
      ['api', 'proposed'],
      ['docs', 'proposed'],
      ['web', 'proposed'],
    ]);
    const edits = run(emptyProjectEdits, base, { kind: 'confirm', project: 'web' });
    expect(shown(view(grown, edits), 'web')?.state).toBe('confirmed');
  });

  it('keeps a renamed project’s name when its members grow', () => {
    const edits = run(emptyProjectEdits, base, { kind: 'rename', project: 'web', name: 'Website' });
    const after = view(grown, edits);
    expect(shown(after, 'web')).toMatchObject({ name: 'Website', state: 'confirmed' });
    expect(refs(after, 'web')).toContain(arn('codepipeline', 'web-release'));
  });

  it('keeps a merged project merged, with what it gained since', () => {
    const edits = run(emptyProjectEdits, base, { kind: 'merge', from: 'web', into: 'api' });
    const after = view(grown, edits);
    expect(after.projects.map((p) => p.id)).toEqual(['api', 'docs']);
    expect(shown(after, 'api')?.mergedFrom).toEqual(['web']);
    expect(refs(after, 'api')).toEqual(
      expect.arrayContaining([arn('codepipeline', 'web-release'), arn('codebuild', 'project/api-load')]),
    );
    const undone = run(edits, grown, { kind: 'unmerge', from: 'web' });
    expect(view(grown, undone).projects.map((p) => p.id)).toEqual(['api', 'docs', 'web']);
  });

  it('never brings back a member removed by hand, and keeps one added by hand', () => {
    const edits = run(
      emptyProjectEdits,
      base,
      { kind: 'remove-member', project: 'web', resource: arn('codebuild', 'project/web-build') },
      { kind: 'add-member', project: 'web', resource: 'Acme/Web-Docs' },
    );
    const after = view(grown, edits);
    expect(refs(after, 'web')).not.toContain(arn('codebuild', 'project/web-build'));
    const added = shown(after, 'web')?.members.find((m) => m.ref === 'acme/web-docs');
    expect(added).toMatchObject({ kind: 'github-repository', reasons: [{ kind: 'added-by-user' }] });
    // Adding it back undoes the removal.
    const back = run(edits, grown, {
      kind: 'add-member',
      project: 'web',
      resource: arn('codebuild', 'project/web-build'),
    });
    expect(refs(view(grown, back), 'web')).toContain(arn('codebuild', 'project/web-build'));
  });

  it('keeps a dismissed proposal dismissed until restored', () => {
    const edits = run(emptyProjectEdits, base, { kind: 'dismiss', project: 'docs' });
    const after = view(grown, edits);
    expect(after.projects.map((p) => p.id)).not.toContain('docs');
    expect(after.dismissed.map((p) => [p.id, p.state])).toEqual([['docs', 'dismissed']]);
    const restored = run(edits, grown, { kind: 'restore', project: 'docs' });
    expect(shown(view(grown, restored), 'docs')?.state).toBe('proposed');
  });

  it('keeps a hand-made project, and deletes it when dismissed', () => {
    const edits = run(
      emptyProjectEdits,
      base,
      { kind: 'create', project: 'ops', name: 'Operations' },
      { kind: 'add-member', project: 'ops', resource: arn('codebuild', 'project/api-build') },
    );
    expect(shown(view(grown, edits), 'ops')).toMatchObject({ name: 'Operations', state: 'confirmed', created: true });
    const deleted = run(edits, grown, { kind: 'dismiss', project: 'ops' });
    expect(deleted).toEqual({ ...emptyProjectEdits });
  });

  it('follows a project whose id changed because a tag now names it', () => {
    const edits = run(
      emptyProjectEdits,
      base,
      { kind: 'rename', project: 'web', name: 'Website' },
      { kind: 'remove-member', project: 'web', resource: arn('codebuild', 'project/web-build') },
    );
    const tagged_: DiscoveryInput = { ...base, tagged: [tagged(arn('codepipeline', 'web'), project('storefront'))] };
    const after = view(tagged_, edits);
    expect(shown(after, 'storefront')).toMatchObject({ name: 'Website', state: 'confirmed' });
    expect(refs(after, 'storefront')).not.toContain(arn('codebuild', 'project/web-build'));
  });

  it('refuses a merge cycle, an unknown project and a taken id', () => {
    const edits = run(emptyProjectEdits, base, { kind: 'merge', from: 'web', into: 'api' });
    const v = view(base, edits);
    expect(applyCommand(edits, { kind: 'merge', from: 'api', into: 'web' })).toMatchObject({ ok: false });
    expect(applyCommand(edits, { kind: 'rename', project: 'nope', name: 'x' }, v)).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(applyCommand(edits, { kind: 'create', project: 'api', name: 'x' }, v)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('reads hand-written edits through the schema and writes workspace projects', () => {
    expect(projectEditsSchema.safeParse({ ...emptyProjectEdits, merged: [{ from: 'a', into: 'a' }] }).success).toBe(
      false,
    );
    expect(
      projectEditsSchema.safeParse({
        ...emptyProjectEdits,
        merged: [
          { from: 'a', into: 'b' },
          { from: 'b', into: 'a' },
        ],
      }).success,
    ).toBe(false);
  });

  it("reads the workspace projects: partial edits, and the foundation's list of hand-made projects", () => {
    expect(workspaceProjectsSchema.parse({ confirmed: ['web'] })).toEqual({ ...emptyProjectEdits, confirmed: ['web'] });
    expect(
      workspaceProjectsSchema.parse([
        { id: 'shop', name: 'Shop', resources: ['acme/shop', 'arn:aws:codecommit:eu-west-1:111122223333:shop'] },
      ]),
    ).toEqual({
      ...emptyProjectEdits,
      created: [{ id: 'shop', name: 'Shop' }],
      added: [
        { project: 'shop', resource: 'acme/shop' },
        { project: 'shop', resource: 'arn:aws:codecommit:eu-west-1:111122223333:shop' },
      ],
    });
    expect(workspaceProjectsSchema.safeParse([{ id: '../x', name: 'X' }]).success).toBe(false);
    expect(workspaceProjectsSchema.safeParse({ confirmed: 'web' }).success).toBe(false);
    expect(workspaceProjectsSchema.safeParse({ surprise: [] }).success).toBe(false);
  });
});

// Properties: random commands on the first discovery, then a rediscovery that only adds resources.
const repos = ['a', 'b', 'c', 'd'];
const inputArb = fc.array(fc.record({ repo: fc.constantFrom(...repos), tag: fc.constantFrom('x', 'y', undefined) }), {
  minLength: 1,
  maxLength: 8,
});
const commandArb = fc.record({
  kind: fc.constantFrom(
    'confirm',
    'rename',
    'merge',
    'unmerge',
    'add-member',
    'remove-member',
    'dismiss',
    'restore',
    'create',
  ),
  i: fc.nat(),
  j: fc.nat(),
  name: fc.constantFrom('Alpha', 'Beta', 'Gamma'),
});

function build(specs: { repo: string; tag: string | undefined }[], extra = 0): DiscoveryInput {
  const pipelines = specs.map((s, i) => pipeline(`p${i}`, [codeCommit(s.repo), codeBuild(`b${i}`)]));
  // Growth: new untagged pipelines on the same repositories, and new builds tagged like existing pipelines.
  for (let k = 0; k < extra; k += 1)
    pipelines.push(pipeline(`q${k}`, [codeCommit(repos[k % repos.length] ?? 'a'), codeBuild(`qb${k}`)]));
  const tags = specs.flatMap((s, i) => (s.tag ? [tagged(arn('codepipeline', `p${i}`), project(s.tag))] : []));
  const extraTags = specs.flatMap((s, i) =>
    s.tag && i < extra ? [tagged(arn('codebuild', `project/new${i}`), project(s.tag))] : [],
  );
  return { pipelines, tagged: [...tags, ...extraTags] };
}

type CommandSpec = typeof commandArb extends fc.Arbitrary<infer T> ? T : never;

function toCommand(c: CommandSpec, v: ProjectsView, all: string[]): ProjectCommand {
  const ids = [...v.projects, ...v.dismissed].map((p) => p.id);
  const pick = (n: number, from: string[]): string => from[n % Math.max(1, from.length)] ?? 'none';
  const id = pick(c.i, ids);
  switch (c.kind) {
    case 'rename':
      return { kind: 'rename', project: id, name: c.name };
    case 'merge':
      return { kind: 'merge', from: id, into: pick(c.j, ids) };
    case 'unmerge':
      return {
        kind: 'unmerge',
        from: pick(
          c.i,
          v.projects.flatMap((p) => p.mergedFrom),
        ),
      };
    case 'add-member':
    case 'remove-member':
      return { kind: c.kind, project: id, resource: pick(c.j, all) };
    case 'create':
      return { kind: 'create', project: `made-${c.j % 3}`, name: c.name };
    default:
      return { kind: c.kind, project: id };
  }
}

describe('edits survive rediscovery (property)', () => {
  it('keeps names, states, merges, dismissals and member edits when resources are added', () => {
    fc.assert(
      fc.property(
        inputArb,
        fc.array(commandArb, { maxLength: 12 }),
        fc.integer({ min: 1, max: 4 }),
        (specs, commands, extra) => {
          const before = build(specs);
          const after = build(specs, extra);
          const all = [...new Set(discoverProjects(after).flatMap((p) => p.members.map((m) => m.ref)))];
          let edits = emptyProjectEdits;
          for (const c of commands) {
            const v = view(before, edits);
            const next = applyCommand(edits, toCommand(c, v, all), v);
            if (next.ok) edits = next.value;
          }
          expect(projectEditsSchema.safeParse(edits).success).toBe(true);
          const v1 = view(before, edits);
          const v2 = view(after, edits);
          for (const p of v1.projects) {
            const q = shown(v2, p.id);
            expect(q).toBeDefined();
            expect(q?.name).toBe(p.name);
            expect(q?.state).toBe(p.state);
            expect(q?.mergedFrom).toEqual(expect.arrayContaining(p.mergedFrom));
            expect(q?.members.map((m) => m.ref)).toEqual(expect.arrayContaining(p.members.map((m) => m.ref)));
          }
          expect(v2.dismissed.map((p) => p.id)).toEqual(expect.arrayContaining(v1.dismissed.map((p) => p.id)));
          // A removed member stays out of the project the removal ends up in, unless a hand-add put it there.
          const resolver = new ProjectResolver(discoverProjects(after), edits);
          for (const r of edits.removed) {
            const home = resolver.final(r.project);
            if (edits.added.some((a) => a.resource === r.resource && resolver.final(a.project) === home)) continue;
            for (const p of [...v2.projects, ...v2.dismissed])
              if (p.id === home) expect(p.members.map((m) => m.ref)).not.toContain(r.resource);
          }
          // Every proposal shows exactly once: as a project, a dismissed one, or folded into another.
          const places = [...v2.projects, ...v2.dismissed].flatMap((p) => [p.id, ...p.mergedFrom]);
          for (const p of discoverProjects(after)) expect(places.filter((id) => id === p.id)).toHaveLength(1);
        },
      ),
    );
  });
});
