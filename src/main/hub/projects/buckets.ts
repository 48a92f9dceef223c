// The projects discovery is filling, keyed by what names them, and the last
// step that turns them into proposals: buckets whose slugs collide either
// join (a tag names the project for everything called the same) or get a
// qualified id, so ids are unique and the same on every run.
import type { MemberReason, ProjectMember, ProposedProject } from '../../../shared/projects';
import { memberKinds } from '../../../shared/projects';
import { displayName, qualifiedSlug, slug } from './naming';
import { canonicalRef, memberKind } from './refs';

export interface BucketKey {
  kind: ProposedProject['namedBy']['kind'];
  /** Canonical repository or pipeline ref; for a tag, its value. */
  ref: string;
  /** As the user wrote it (tag value, repository name, pipeline name). */
  name: string;
}

interface Bucket {
  key: BucketKey;
  slug: string;
  /** Candidate names with how often each was seen (tag values differing only in case or punctuation). */
  names: Map<string, number>;
  members: Map<string, ProjectMember>;
  anchors: Set<string>;
}

const reasonRank: Record<MemberReason['kind'], number> = {
  pipeline: 0,
  tag: 1,
  'source-action': 2,
  'build-action': 3,
  'test-action': 4,
  'deploy-action': 5,
  'github-deployments': 6,
  'added-by-user': 7,
};
const keyRank: Record<BucketKey['kind'], number> = { tag: 0, repository: 1, pipeline: 2 };

export function compareReasons(a: MemberReason, b: MemberReason): number {
  return reasonRank[a.kind] - reasonRank[b.kind] || JSON.stringify(a).localeCompare(JSON.stringify(b));
}

export function compareMembers(a: ProjectMember, b: ProjectMember): number {
  return memberKinds.indexOf(a.kind) - memberKinds.indexOf(b.kind) || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0);
}

/** Adds `reasons` to the member `ref` of `members`, creating it if new; a reason is kept once. */
export function addMember(members: Map<string, ProjectMember>, ref: string, reasons: readonly MemberReason[]): void {
  const key = canonicalRef(ref);
  const member = members.get(key) ?? { ref: key, kind: memberKind(key), reasons: [] };
  const seen = new Set(member.reasons.map((r) => JSON.stringify(r)));
  for (const reason of reasons) if (!seen.has(JSON.stringify(reason))) member.reasons.push(reason);
  member.reasons.sort(compareReasons);
  members.set(key, member);
}

export class Buckets {
  readonly #byIdentity = new Map<string, Bucket>();

  /** The bucket for `key`; tag values with the same slug share one. */
  get(key: BucketKey): Bucket {
    const identity = key.kind === 'tag' ? `tag:${slug(key.ref)}` : `${key.kind}:${key.ref}`;
    let bucket = this.#byIdentity.get(identity);
    if (!bucket) {
      bucket = { key, slug: slug(key.name), names: new Map(), members: new Map(), anchors: new Set() };
      this.#byIdentity.set(identity, bucket);
    }
    bucket.names.set(key.name, (bucket.names.get(key.name) ?? 0) + 1);
    return bucket;
  }

  add(key: BucketKey, ref: string, reasons: readonly MemberReason[], anchors: readonly string[] = []): void {
    const bucket = this.get(key);
    addMember(bucket.members, ref, reasons);
    for (const anchor of anchors) bucket.anchors.add(anchor);
  }

  /** Every bucket holding `ref` as a member. */
  holding(ref: string): BucketKey[] {
    const key = canonicalRef(ref);
    return [...this.#byIdentity.values()].filter((b) => b.members.has(key)).map((b) => b.key);
  }

  proposals(): ProposedProject[] {
    const bySlug = new Map<string, Bucket[]>();
    for (const bucket of this.#byIdentity.values())
      bySlug.set(bucket.slug, [...(bySlug.get(bucket.slug) ?? []), bucket]);
    const out: ProposedProject[] = [];
    const used = new Set<string>();
    for (const [base, group] of [...bySlug].sort(([a], [b]) => (a < b ? -1 : 1))) {
      group.sort((a, b) => keyRank[a.key.kind] - keyRank[b.key.kind] || (a.key.ref < b.key.ref ? -1 : 1));
      const [first, ...rest] = group;
      if (!first) continue;
      // A tag names the project for every repository and pipeline called the same.
      const joined = first.key.kind === 'tag' ? [first, ...rest] : [first];
      const alone = first.key.kind === 'tag' ? [] : rest;
      out.push(proposal(base, joined, used));
      for (const bucket of alone)
        out.push(proposal(qualifiedSlug(base, `${bucket.key.kind}:${bucket.key.ref}`), [bucket], used));
    }
    return out.sort((a, b) => (a.id < b.id ? -1 : 1));
  }
}

function proposal(wanted: string, buckets: Bucket[], used: Set<string>): ProposedProject {
  let id = wanted;
  while (used.has(id)) id = qualifiedSlug(wanted, id);
  used.add(id);
  const [head] = buckets;
  if (!head) throw new Error('a proposal needs a bucket');
  const members = new Map<string, ProjectMember>();
  const anchors = new Set<string>();
  for (const bucket of buckets) {
    for (const m of bucket.members.values()) addMember(members, m.ref, m.reasons);
    anchors.add(bucket.slug);
    for (const a of bucket.anchors) anchors.add(a);
  }
  anchors.delete(id);
  const name = [...head.names].sort(([a, n], [b, m]) => m - n || (a < b ? -1 : 1))[0]?.[0] ?? head.key.name;
  return {
    id,
    name: displayName(name),
    namedBy: { kind: head.key.kind, ref: head.key.ref },
    anchors: [...anchors].sort(),
    members: [...members.values()].sort(compareMembers),
  };
}
