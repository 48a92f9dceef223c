// The projects the UI shows: discovery's proposals with the user's edits laid
// over them. Edits name projects by id; an id discovery no longer uses (a tag
// now names the project) still finds its project through the proposal's
// anchors, so renames, merges and member changes outlive every rediscovery.
import type { ProjectEdits, ProjectMember, ProjectsView, ProjectView, ProposedProject } from '../../../shared/projects';
import { addMember, compareMembers } from './buckets';
import { canonicalRef } from './refs';

interface Draft {
  id: string;
  proposal?: ProposedProject;
  /** Proposals folded in, with their names (the name of last resort when the target vanished). */
  folded: ProposedProject[];
  created?: string;
  members: Map<string, ProjectMember>;
  handAdded: boolean;
}

/** Maps an id an edit names to the id of the project it means now. */
export class ProjectResolver {
  readonly #ids: Set<string>;
  readonly #created: Set<string>;
  readonly #anchors = new Map<string, string[]>();
  readonly #into = new Map<string, string>();

  constructor(proposed: readonly ProposedProject[], edits: ProjectEdits) {
    this.#ids = new Set(proposed.map((p) => p.id));
    this.#created = new Set(edits.created.map((c) => c.id));
    for (const p of proposed) for (const a of p.anchors) this.#anchors.set(a, [...(this.#anchors.get(a) ?? []), p.id]);
    for (const m of edits.merged) {
      const from = this.current(m.from);
      const into = this.current(m.into);
      // Anchors can turn a valid list into a cycle: the edge that would close it is ignored.
      if (from !== into && !this.#into.has(from) && this.final(into) !== from) this.#into.set(from, into);
    }
  }

  /** The id itself when a proposal or a hand-made project has it, else the one proposal anchoring it. */
  current(id: string): string {
    if (this.#ids.has(id) || this.#created.has(id)) return id;
    const holders = this.#anchors.get(id) ?? [];
    return holders.length === 1 && holders[0] !== undefined ? holders[0] : id;
  }

  /** Where the project `id` ends up after merges. */
  final(id: string): string {
    let at = this.current(id);
    for (let next = this.#into.get(at); next !== undefined; next = this.#into.get(at)) at = next;
    return at;
  }
}

export function applyEdits(proposed: readonly ProposedProject[], edits: ProjectEdits): ProjectsView {
  const resolver = new ProjectResolver(proposed, edits);
  const drafts = new Map<string, Draft>();
  const draft = (id: string): Draft => {
    const found = drafts.get(id) ?? { id, folded: [], members: new Map(), handAdded: false };
    drafts.set(id, found);
    return found;
  };
  for (const p of proposed) {
    const d = draft(resolver.final(p.id));
    if (d.id === p.id) d.proposal = p;
    else d.folded.push(p);
    for (const m of p.members) addMember(d.members, m.ref, m.reasons);
  }
  for (const c of edits.created) draft(resolver.final(c.id)).created = c.name;
  const added = new Set(edits.added.map((a) => `${resolver.final(a.project)} ${canonicalRef(a.resource)}`));
  for (const r of edits.removed) {
    const id = resolver.final(r.project);
    if (!added.has(`${id} ${canonicalRef(r.resource)}`)) drafts.get(id)?.members.delete(canonicalRef(r.resource));
  }
  for (const a of edits.added) {
    const d = draft(resolver.final(a.project));
    d.handAdded = true;
    addMember(d.members, a.resource, [{ kind: 'added-by-user' }]);
  }

  const names = chosenNames(edits, resolver);
  const confirmed = new Set(edits.confirmed.map((id) => resolver.final(id)));
  const dismissed = new Set(edits.dismissed.map((id) => resolver.final(id)));
  const views: ProjectView[] = [];
  for (const d of drafts.values()) {
    // A confirmed project whose resources all vanished waits, with its edits, for them to come back.
    if (!d.proposal && d.folded.length === 0 && d.created === undefined && !d.handAdded) continue;
    const isConfirmed = confirmed.has(d.id) || d.created !== undefined;
    views.push({
      id: d.id,
      name: names.get(d.id) ?? d.created ?? d.proposal?.name ?? d.folded[0]?.name ?? d.id,
      state: isConfirmed ? 'confirmed' : dismissed.has(d.id) ? 'dismissed' : 'proposed',
      created: d.created !== undefined,
      mergedFrom: d.folded.map((p) => p.id).sort(),
      members: [...d.members.values()].sort(compareMembers),
    });
  }
  views.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  return {
    projects: views.filter((v) => v.state !== 'dismissed'),
    dismissed: views.filter((v) => v.state === 'dismissed'),
  };
}

/** Renames by the project they apply to now; one made under the project's current id beats one under an old id. */
function chosenNames(edits: ProjectEdits, resolver: ProjectResolver): Map<string, string> {
  const ranked = new Map<string, { rank: number; name: string }>();
  for (const [key, name] of Object.entries(edits.renamed).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const id = resolver.final(key);
    // A rename of a project since folded into another names nothing.
    if (resolver.current(key) !== id) continue;
    const rank = key === id ? 0 : 1;
    const held = ranked.get(id);
    if (!held || rank < held.rank) ranked.set(id, { rank, name });
  }
  return new Map([...ranked].map(([id, r]) => [id, r.name]));
}
