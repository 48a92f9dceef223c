// Projects as discovery proposes them and as the user shapes them: members
// with the reasons they joined, and the user's edits (confirm, rename, merge,
// add or remove members, dismiss), which are kept apart from the proposals so
// that a rediscovery never loses them.
import { z } from 'zod';
import { idSchema, nameSchema } from './ids';

/** Tags that name a resource's project, strongest first (CodeStar left the second one behind). */
export const projectTagKeys = ['starboard:project', 'awscodestar:projectId'] as const;
export type ProjectTagKey = (typeof projectTagKeys)[number];

export const memberKinds = [
  'pipeline',
  'codecommit-repository',
  'github-repository',
  'codebuild-project',
  'codedeploy-application',
  'codedeploy-deployment-group',
  'beanstalk-application',
  'beanstalk-environment',
  'cloudformation-stack',
  'ecs-service',
  'other',
] as const;
export type MemberKind = (typeof memberKinds)[number];

/** Where in a pipeline a resource was named. */
export interface ActionRef {
  pipeline: string;
  pipelineArn: string;
  stage: string;
  action: string;
  provider?: string;
}

/** Why a resource is a member of a project. */
export type MemberReason =
  /** One of the project's pipelines; `repository` when it joined by sharing that repository with the others. */
  | { kind: 'pipeline'; repository?: string }
  | ({ kind: 'source-action' | 'build-action' | 'test-action' | 'deploy-action' } & ActionRef)
  | { kind: 'tag'; key: string; value: string }
  /** A GitHub repository whose workflows deploy to these environments. */
  | { kind: 'github-deployments'; environments: string[] }
  | { kind: 'added-by-user' };

export interface ProjectMember {
  /** An ARN, or `owner/repo` for a GitHub repository (as in the workspace's project resources). */
  ref: string;
  kind: MemberKind;
  reasons: MemberReason[];
}

/** What discovery proposes: a project id stable across runs, a readable name and the members. */
export interface ProposedProject {
  id: string;
  name: string;
  /** What named the project: a project tag (ref is its value), a repository, or a pipeline. */
  namedBy: { kind: 'tag' | 'repository' | 'pipeline'; ref: string };
  /** Other ids this proposal answers to (its repositories' and pipelines' slugs), so edits follow it when a tag renames it. */
  anchors: string[];
  members: ProjectMember[];
}

export type ProjectState = 'proposed' | 'confirmed' | 'dismissed';

/** A project after the user's edits: what the UI shows. */
export interface ProjectView {
  id: string;
  name: string;
  state: ProjectState;
  /** True for a project the user made by hand rather than one discovery proposed. */
  created: boolean;
  /** Ids of the proposals folded into this one. */
  mergedFrom: string[];
  members: ProjectMember[];
}

export interface ProjectsView {
  /** Confirmed and proposed projects, by name. */
  projects: ProjectView[];
  /** Proposals the user dismissed, to restore from. */
  dismissed: ProjectView[];
}

export const projectIdSchema = idSchema;
export const projectNameSchema = nameSchema;
export const resourceRefSchema = z.string().min(1).max(2048);

const memberEditSchema = z.object({ project: projectIdSchema, resource: resourceRefSchema }).strict();
const mergeSchema = z.object({ from: projectIdSchema, into: projectIdSchema }).strict();

/** The user's edits, stored in the workspace and applied over every discovery (hand-editable JSON). */
export const projectEditsSchema = z
  .object({
    /** Proposals the user accepted. */
    confirmed: z.array(projectIdSchema).max(1000),
    /** Project id → the name the user gave it. */
    renamed: z.record(projectIdSchema, projectNameSchema),
    /** Project `from` folded into `into`; `from` no longer shows. */
    merged: z.array(mergeSchema).max(1000),
    added: z.array(memberEditSchema).max(5000),
    removed: z.array(memberEditSchema).max(5000),
    /** Proposals hidden until the user restores them. */
    dismissed: z.array(projectIdSchema).max(1000),
    /** Projects the user made by hand. */
    created: z.array(z.object({ id: projectIdSchema, name: projectNameSchema }).strict()).max(1000),
  })
  .strict()
  .superRefine((edits, ctx) => {
    const into = new Map<string, string>();
    edits.merged.forEach((m, i) => {
      if (m.from === m.into)
        ctx.addIssue({ code: 'custom', path: ['merged', i], message: 'a project cannot merge into itself' });
      if (into.has(m.from))
        ctx.addIssue({ code: 'custom', path: ['merged', i], message: `${m.from} is already merged elsewhere` });
      into.set(m.from, m.into);
    });
    for (const start of into.keys()) {
      const seen = new Set<string>();
      for (let at: string | undefined = start; at !== undefined; at = into.get(at)) {
        if (seen.has(at)) {
          ctx.addIssue({ code: 'custom', path: ['merged'], message: `merges form a cycle through ${start}` });
          return;
        }
        seen.add(at);
      }
    }
  });
export type ProjectEdits = z.infer<typeof projectEditsSchema>;

export const emptyProjectEdits: ProjectEdits = {
  confirmed: [],
  renamed: {},
  merged: [],
  added: [],
  removed: [],
  dismissed: [],
  created: [],
};

/**
 * The workspace's `projects` as written in the settings file: the edits, any
 * field left out meaning none. The foundation's list of hand-made projects
 * (`[{ id, name, resources }]`) is still read, as created projects with their
 * members added.
 */
export const workspaceProjectsSchema = z.preprocess((value) => {
  if (Array.isArray(value)) return fromProjectList(value);
  if (typeof value === 'object' && value !== null) return { ...emptyProjectEdits, ...value };
  return value;
}, projectEditsSchema);

function fromProjectList(list: unknown[]): unknown {
  const created: unknown[] = [];
  const added: unknown[] = [];
  for (const item of list) {
    if (typeof item !== 'object' || item === null) return list;
    const { id, name, resources } = item as { id?: unknown; name?: unknown; resources?: unknown };
    created.push({ id, name });
    if (resources === undefined) continue;
    if (!Array.isArray(resources)) return list;
    for (const resource of resources as unknown[]) added.push({ project: id, resource });
  }
  return { ...emptyProjectEdits, created, added };
}

/** The contract's project commands; each becomes one change of ProjectEdits (see hub/projects/edit-commands). */
export const projectCommandSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('confirm'), project: projectIdSchema }).strict(),
  z.object({ kind: z.literal('rename'), project: projectIdSchema, name: projectNameSchema }).strict(),
  z.object({ kind: z.literal('merge'), from: projectIdSchema, into: projectIdSchema }).strict(),
  z.object({ kind: z.literal('unmerge'), from: projectIdSchema }).strict(),
  z.object({ kind: z.literal('add-member'), project: projectIdSchema, resource: resourceRefSchema }).strict(),
  z.object({ kind: z.literal('remove-member'), project: projectIdSchema, resource: resourceRefSchema }).strict(),
  z.object({ kind: z.literal('dismiss'), project: projectIdSchema }).strict(),
  z.object({ kind: z.literal('restore'), project: projectIdSchema }).strict(),
  z.object({ kind: z.literal('create'), project: projectIdSchema, name: projectNameSchema }).strict(),
]);
export type ProjectCommand = z.infer<typeof projectCommandSchema>;
