// Which projects a snapshot resource (and so an event about it) belongs to:
// the resource's ARN matched against every project's members, in the one
// canonical form discovery uses.
import type { ProjectsView } from '../../../shared/projects';
import { memberRefOf, partitionOf } from '../../../shared/project-resources';
import type { AnyResource } from '../../../shared/snapshot';
import type { AwsLocation } from '../../../shared/sources';
import { canonicalRef } from '../projects/refs';

export class ProjectIndex {
  readonly #byRef = new Map<string, string[]>();

  constructor(view: ProjectsView) {
    for (const project of view.projects) {
      for (const member of project.members) {
        const ref = canonicalRef(member.ref);
        this.#byRef.set(ref, [...(this.#byRef.get(ref) ?? []), project.id]);
      }
    }
  }

  /** Project ids, in the view's order, of the project(s) holding the resource. */
  projectsOf(resource: AnyResource | undefined): string[] {
    if (!resource) return [];
    return this.#byRef.get(canonicalRef(memberRefOf(resource))) ?? [];
  }

  /** Every GitHub repository (`owner/repo`, as canonicalRef writes it) some project holds. */
  githubRepositories(): string[] {
    return [...this.#byRef.keys()].filter((ref) => !ref.startsWith('arn:') && /^[^/\s]+\/[^/\s]+$/.test(ref));
  }

  /** The CodeCommit repositories of any project in this account region, by name. */
  repositoriesIn(location: AwsLocation): string[] {
    const prefix = `arn:${partitionOf(location.region)}:codecommit:${location.region}:${location.accountId}:`;
    return [...this.#byRef.keys()].filter((ref) => ref.startsWith(prefix)).map((ref) => ref.slice(prefix.length));
  }
}
