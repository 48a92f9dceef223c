// Id sequences per kind of object, so ids look like GitHub's (large, unique
// per kind, increasing with creation) and depend only on creation order.
const starts = {
  user: 1_000,
  repo: 600_000_000,
  commitStatus: 30_000_000_000,
  pull: 2_000_000_000,
  review: 1_800_000_000,
  workflow: 80_000_000,
  run: 12_000_000_000,
  job: 34_000_000_000,
  environment: 1_500_000_000,
  rule: 9_000_000,
  deployment: 1_900_000_000,
} as const;

export type IdKind = keyof typeof starts;

export class IdSequence {
  readonly #next = new Map<IdKind, number>();

  next(kind: IdKind): number {
    const id = this.#next.get(kind) ?? starts[kind];
    this.#next.set(kind, id + 1);
    return id;
  }
}
