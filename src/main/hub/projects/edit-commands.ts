// The user's project commands as changes to ProjectEdits. Each keeps the
// edits consistent (a confirmed project is not also dismissed, a member is
// not both added and removed) so applyEdits never has to guess an order.
// Touching a project (rename, merge into, add or remove a member) confirms it.
import { fail, ok, type Result } from '../../../shared/result';
import {
  type ProjectCommand,
  type ProjectEdits,
  projectEditsSchema,
  type ProjectsView,
} from '../../../shared/projects';
import { canonicalRef } from './refs';

const without = <T>(list: readonly T[], drop: (item: T) => boolean): T[] => list.filter((item) => !drop(item));
const sameMember = (project: string, resource: string) => (m: { project: string; resource: string }) =>
  m.project === project && canonicalRef(m.resource) === canonicalRef(resource);

export function confirm(edits: ProjectEdits, id: string): ProjectEdits {
  return {
    ...edits,
    confirmed: edits.confirmed.includes(id) ? edits.confirmed : [...edits.confirmed, id],
    dismissed: without(edits.dismissed, (d) => d === id),
  };
}

export function rename(edits: ProjectEdits, id: string, name: string): ProjectEdits {
  const created = edits.created.map((c) => (c.id === id ? { ...c, name } : c));
  return confirm({ ...edits, created, renamed: { ...edits.renamed, [id]: name } }, id);
}

/** Folds `from` into `into`; refused when it would merge a project into itself, directly or through earlier merges. */
export function merge(edits: ProjectEdits, from: string, into: string): Result<ProjectEdits> {
  const next = new Map(edits.merged.map((m) => [m.from, m.into]));
  for (let at: string | undefined = into; at !== undefined; at = next.get(at)) {
    if (at === from) return fail('invalid-input', `${into} is already part of ${from}.`);
  }
  const merged = [...without(edits.merged, (m) => m.from === from), { from, into }];
  const dismissed = without(edits.dismissed, (d) => d === from || d === into);
  return ok(confirm({ ...edits, merged, dismissed }, into));
}

export function unmerge(edits: ProjectEdits, from: string): ProjectEdits {
  return { ...edits, merged: without(edits.merged, (m) => m.from === from) };
}

export function addMember(edits: ProjectEdits, project: string, resource: string): ProjectEdits {
  const same = sameMember(project, resource);
  const added = edits.added.some(same) ? edits.added : [...edits.added, { project, resource: canonicalRef(resource) }];
  return confirm({ ...edits, added, removed: without(edits.removed, same) }, project);
}

export function removeMember(edits: ProjectEdits, project: string, resource: string): ProjectEdits {
  const same = sameMember(project, resource);
  const removed = edits.removed.some(same)
    ? edits.removed
    : [...edits.removed, { project, resource: canonicalRef(resource) }];
  return confirm({ ...edits, removed, added: without(edits.added, same) }, project);
}

/** Hides a proposal until restored; a hand-made project is deleted with every edit about it. */
export function dismiss(edits: ProjectEdits, id: string): ProjectEdits {
  const confirmed = without(edits.confirmed, (c) => c === id);
  if (edits.created.some((c) => c.id === id)) {
    const renamed = Object.fromEntries(Object.entries(edits.renamed).filter(([key]) => key !== id));
    return {
      ...edits,
      confirmed,
      renamed,
      created: without(edits.created, (c) => c.id === id),
      merged: without(edits.merged, (m) => m.from === id || m.into === id),
      added: without(edits.added, (m) => m.project === id),
      removed: without(edits.removed, (m) => m.project === id),
    };
  }
  const dismissed = edits.dismissed.includes(id) ? edits.dismissed : [...edits.dismissed, id];
  return { ...edits, confirmed, dismissed, merged: without(edits.merged, (m) => m.from === id) };
}

export function restore(edits: ProjectEdits, id: string): ProjectEdits {
  return { ...edits, dismissed: without(edits.dismissed, (d) => d === id) };
}

export function create(edits: ProjectEdits, id: string, name: string): ProjectEdits {
  return { ...edits, created: [...without(edits.created, (c) => c.id === id), { id, name }] };
}

/**
 * One contract command applied to the stored edits. With `view` (what the UI
 * shows now) it also checks the projects named exist and a new id is free.
 */
export function applyCommand(edits: ProjectEdits, command: ProjectCommand, view?: ProjectsView): Result<ProjectEdits> {
  if (view) {
    const shown = new Set([...view.projects, ...view.dismissed].map((p) => p.id));
    const named =
      command.kind === 'merge' ? [command.from, command.into] : command.kind === 'unmerge' ? [] : [command.project];
    if (command.kind === 'create') {
      if (shown.has(command.project)) return fail('conflict', `A project with the id ${command.project} exists.`);
    } else {
      const missing = named.find((id) => !shown.has(id));
      if (missing !== undefined) return fail('not-found', `No project ${missing}.`);
    }
  }
  const next = step(edits, command);
  if (!next.ok) return next;
  const checked = projectEditsSchema.safeParse(next.value);
  if (!checked.success) return fail('invalid-input', checked.error.issues[0]?.message ?? 'The edits would be invalid.');
  return ok(checked.data);
}

function step(edits: ProjectEdits, command: ProjectCommand): Result<ProjectEdits> {
  switch (command.kind) {
    case 'confirm':
      return ok(confirm(edits, command.project));
    case 'rename':
      return ok(rename(edits, command.project, command.name));
    case 'merge':
      return merge(edits, command.from, command.into);
    case 'unmerge':
      return ok(unmerge(edits, command.from));
    case 'add-member':
      return ok(addMember(edits, command.project, command.resource));
    case 'remove-member':
      return ok(removeMember(edits, command.project, command.resource));
    case 'dismiss':
      return ok(dismiss(edits, command.project));
    case 'restore':
      return ok(restore(edits, command.project));
    case 'create':
      return ok(create(edits, command.project, command.name));
  }
}
