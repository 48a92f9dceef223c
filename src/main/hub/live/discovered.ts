// Discovery's last proposals (projects-discovered.json in the data folder),
// so projects show at start before any region answers, and a region that
// cannot be read keeps its projects instead of losing them.
import { join } from 'node:path';
import { z } from 'zod';
import { type MemberReason, memberKinds, projectIdSchema, type ProposedProject } from '../../../shared/projects';
import type { Logger } from '../log';
import { loadJsonFile, removeStaleTemps, writeFileAtomic } from '../snapshot/atomic-file';
import { parseArn } from '../projects/refs';

export const discoveredFileName = 'projects-discovered.json';

const hasKind = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';

const proposalSchema = z.object({
  id: projectIdSchema,
  name: z.string().min(1).max(200),
  namedBy: z.object({ kind: z.enum(['tag', 'repository', 'pipeline']), ref: z.string().max(2048) }),
  anchors: z.array(z.string().max(2048)).max(1000),
  members: z
    .array(
      z.object({
        ref: z.string().min(1).max(2048),
        kind: z.enum(memberKinds),
        // Reasons only explain a membership: this module wrote them, so a kind is all that is checked.
        reasons: z.array(z.custom<MemberReason>(hasKind)).max(100),
      }),
    )
    .max(5000),
});
const fileSchema = z.object({ version: z.literal(1), proposals: z.array(proposalSchema).max(1000) });

export class DiscoveredProjects {
  #proposals: ProposedProject[];

  private constructor(
    readonly path: string,
    proposals: ProposedProject[],
    private readonly log: Logger,
  ) {
    this.#proposals = proposals;
  }

  static open(dir: string, log: Logger, now: Date): DiscoveredProjects {
    const path = join(dir, discoveredFileName);
    removeStaleTemps(path);
    const { value, notice } = loadJsonFile<ProposedProject[]>(path, 16 * 1024 * 1024, now, (json) => {
      const parsed = fileSchema.safeParse(json);
      return parsed.success
        ? { ok: true, value: parsed.data.proposals }
        : { ok: false, error: 'does not match the discovered-projects schema' };
    });
    if (notice) log.warn('the discovered projects file could not be used and was kept aside', { ...notice });
    return new DiscoveredProjects(path, value ?? [], log);
  }

  get proposals(): readonly ProposedProject[] {
    return this.#proposals;
  }

  /** Replaces the proposals; true (and a write) when they changed. */
  replace(next: ProposedProject[]): boolean {
    if (JSON.stringify(next) === JSON.stringify(this.#proposals)) return false;
    this.#proposals = next;
    const text = JSON.stringify({ version: 1, proposals: next });
    writeFileAtomic(this.path, text).catch((error: unknown) =>
      this.log.error('could not write the discovered projects', error),
    );
    return true;
  }
}

/**
 * This pass's proposals, plus last time's proposals that live entirely in
 * regions not read yet (offline at start, an account still signing in): their
 * projects stay until their region answers.
 */
export function carryOver(
  fresh: readonly ProposedProject[],
  previous: readonly ProposedProject[],
  unread: (account: string, region: string) => boolean,
): ProposedProject[] {
  const ids = new Set(fresh.map((p) => p.id));
  const kept = previous.filter((p) => {
    if (ids.has(p.id) || p.members.length === 0) return false;
    return p.members.every((m) => {
      const arn = parseArn(m.ref);
      return arn !== undefined && unread(arn.account, arn.region);
    });
  });
  return [...fresh, ...kept];
}
