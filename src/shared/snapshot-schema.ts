// The runtime schema of the persisted snapshot: the envelope of each
// resource and source, checked entry by entry. Reading is lenient: a resource
// or source that fails is dropped, the rest is kept. The data schemas of each
// kind (snapshot-aws-schema.ts, snapshot-github-schema.ts) strip keys they do
// not name, so only known fields ever reach the file (RELIABILITY C04).
import { z } from 'zod';
import { buildSchema, freshnessSchema, pipelineResourceSchema, watchedRepositorySchema } from './snapshot-aws-schema';
import {
  resourceKinds,
  snapshotVersion,
  type AnyResource,
  type ResourceKind,
  type ResourceKinds,
  type Snapshot,
  type SourceStatus,
} from './snapshot';
import {
  beanstalkEnvironmentResourceSchema,
  cloudFormationStackResourceSchema,
  codeDeployGroupResourceSchema,
  ecsServiceResourceSchema,
} from './snapshot-deploy-schema';
import { githubRepositoryReadSchema } from './snapshot-github-schema';

const text = z.string();

/** One data schema per kind; a kind added to ResourceKinds fails to compile here until it has one. */
const dataSchemas: { [K in ResourceKind]: z.ZodType<ResourceKinds[K]> } = {
  pipeline: pipelineResourceSchema,
  build: buildSchema,
  repository: watchedRepositorySchema,
  'github-repository': githubRepositoryReadSchema,
  'codedeploy-group': codeDeployGroupResourceSchema,
  'beanstalk-environment': beanstalkEnvironmentResourceSchema,
  'cloudformation-stack': cloudFormationStackResourceSchema,
  'ecs-service': ecsServiceResourceSchema,
};

const envelopeSchema = z.object({
  id: text.min(1),
  kind: z.enum(resourceKinds),
  source: text.min(1),
  freshness: freshnessSchema,
  data: z.unknown(),
});

const sourceStatusSchema = z.object({
  id: text.min(1),
  kinds: z.object(Object.fromEntries(resourceKinds.map((k) => [k, freshnessSchema.optional()]))),
});

/** The outer shape only: entries are checked one by one so one bad entry costs only itself. */
export const snapshotFileSchema = z.object({
  version: z.literal(snapshotVersion),
  updatedAt: text,
  resources: z.record(text, z.unknown()),
  sources: z.record(text, z.unknown()),
});

/** The resource with only schema-known fields, or undefined when it does not match. */
export function parseResource(value: unknown): AnyResource | undefined {
  const envelope = envelopeSchema.safeParse(value);
  // A resource id starts with its kind, so an entry cannot pose as another kind.
  if (!envelope.success || !envelope.data.id.startsWith(`${envelope.data.kind}:`)) return undefined;
  const data = dataSchemas[envelope.data.kind].safeParse(envelope.data.data);
  // The kind was checked against the data schema of that kind just above.
  return data.success ? ({ ...envelope.data, data: data.data } as AnyResource) : undefined;
}

export function parseSourceStatus(value: unknown): SourceStatus | undefined {
  const parsed = sourceStatusSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export interface ParsedSnapshot {
  snapshot: Snapshot;
  /** Ids of the resources and sources that failed their schema (or whose key was not their id) and were left out. */
  dropped: string[];
}

/**
 * Checks a snapshot entry by entry. Used for what is read (a hand-edited or
 * older file) and for what is written (only known fields reach the disk).
 * Returns an error text when even the outer shape is wrong.
 */
export function parseSnapshot(value: unknown): ParsedSnapshot | { error: string } {
  const outer = snapshotFileSchema.safeParse(value);
  if (!outer.success) {
    const first = outer.error.issues[0];
    const where = first && first.path.length > 0 ? first.path.join('.') : 'the file';
    return { error: `does not match the snapshot schema at ${where}: ${first?.message ?? 'invalid'}` };
  }
  const dropped: string[] = [];
  // Entries are collected as pairs: Object.fromEntries defines own properties even for odd keys.
  const resources: [string, AnyResource][] = [];
  for (const [key, entry] of Object.entries(outer.data.resources)) {
    const resource = parseResource(entry);
    if (resource?.id === key) resources.push([key, resource]);
    else dropped.push(key);
  }
  const sources: [string, SourceStatus][] = [];
  for (const [key, entry] of Object.entries(outer.data.sources)) {
    const source = parseSourceStatus(entry);
    if (source?.id === key) sources.push([key, source]);
    else dropped.push(key);
  }
  return {
    snapshot: {
      version: snapshotVersion,
      updatedAt: outer.data.updatedAt,
      resources: Object.fromEntries(resources),
      sources: Object.fromEntries(sources),
    },
    dropped,
  };
}
