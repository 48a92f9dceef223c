// The world's registry: accounts and tokens, organisations, repositories and
// lookups. Changes to runs live in runs.ts; derived views in timeline.ts and
// deployments.ts.
import type { SimClock } from '../../clock';
import type { Random } from '../../random';
import { IdSequence } from './ids';
import type { Environment, Repository, RunAttempt, SimUser, WorkflowRun } from './model';
import { latestAttempt } from './model';
import { evaluateAttempt, type AttemptView, type JobView } from './timeline';

export type TokenCheck = { kind: 'user'; user: SimUser } | { kind: 'bad-credentials' };

export class World {
  readonly ids = new IdSequence();
  readonly users = new Map<string, SimUser>();
  readonly repos: Repository[] = [];
  /** Organisation login -> member logins; members see the organisation's private repositories. */
  readonly members = new Map<string, Set<string>>();
  readonly #tokens = new Map<string, string>();
  readonly #revoked = new Set<string>();
  /** Token prefixes that any token is accepted with, mapped to this login (the demo's convenience). */
  #prefixPolicy: { prefixes: readonly string[]; login: string } | undefined;

  /** Signs job-log download URLs; drawn from the seed so runs are reproducible. */
  readonly logSecret: string;

  constructor(
    readonly clock: SimClock,
    readonly random: Random,
  ) {
    this.logSecret = random.fork('log-signing').hex(32);
  }

  now(): number {
    return this.clock.now();
  }

  user(login: string, name = login, type: SimUser['type'] = 'User'): SimUser {
    const existing = this.users.get(login);
    if (existing) return existing;
    const user: SimUser = { id: this.ids.next('user'), login, name, type, createdAt: Date.UTC(2019, 3, 1) };
    this.users.set(login, user);
    return user;
  }

  org(login: string, name: string, memberLogins: readonly string[]): SimUser {
    const org = this.user(login, name, 'Organization');
    const members = this.members.get(login) ?? new Set<string>();
    for (const member of memberLogins) members.add(this.user(member).login);
    this.members.set(login, members);
    return org;
  }

  /** Every token starting with one of `prefixes` authenticates as `login`. */
  acceptTokenPrefixes(prefixes: readonly string[], login: string): void {
    this.#prefixPolicy = { prefixes, login: this.user(login).login };
  }

  addToken(token: string, login: string): SimUser {
    const user = this.user(login);
    this.#tokens.set(token, user.login);
    this.#revoked.delete(token);
    return user;
  }

  revokeToken(token: string): void {
    this.#revoked.add(token);
  }

  checkToken(token: string): TokenCheck {
    if (this.#revoked.has(token)) return { kind: 'bad-credentials' };
    const login =
      this.#tokens.get(token) ??
      (this.#prefixPolicy?.prefixes.some((p) => token.startsWith(p) && token.length > p.length)
        ? this.#prefixPolicy.login
        : undefined);
    const user = login === undefined ? undefined : this.users.get(login);
    return user ? { kind: 'user', user } : { kind: 'bad-credentials' };
  }

  canSee(viewer: SimUser | undefined, repo: Repository): boolean {
    if (!repo.private) return true;
    if (!viewer) return false;
    return repo.owner.login === viewer.login || (this.members.get(repo.owner.login)?.has(viewer.login) ?? false);
  }

  findRepo(owner: string, name: string): Repository | undefined {
    const o = owner.toLowerCase();
    const n = name.toLowerCase();
    return this.repos.find((r) => r.owner.login.toLowerCase() === o && r.name.toLowerCase() === n);
  }

  environmentsOf(repo: Repository): Map<string, Environment> {
    return new Map(repo.environments.map((e) => [e.name, e]));
  }

  /** The latest attempt of a run as it stands now. */
  view(repo: Repository, run: WorkflowRun, now = this.now()): AttemptView {
    return evaluateAttempt(latestAttempt(run), this.environmentsOf(repo), now);
  }

  /** Runs visible at `now` (a scenario may schedule runs that start later), newest first. */
  visibleRuns(repo: Repository, now = this.now()): WorkflowRun[] {
    return repo.runs.filter((r) => r.createdAt <= now).sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
  }

  findRun(repo: Repository, runId: number): WorkflowRun | undefined {
    return this.visibleRuns(repo).find((r) => r.id === runId);
  }

  /** A job of any attempt of any visible run, as it stands now. */
  findJob(
    repo: Repository,
    jobId: number,
  ): { run: WorkflowRun; attempt: RunAttempt; view: AttemptView; job: JobView } | undefined {
    const now = this.now();
    for (const run of this.visibleRuns(repo, now)) {
      for (const attempt of run.attempts) {
        if (!attempt.stages.some((stage) => stage.some((j) => j.id === jobId))) continue;
        const view = evaluateAttempt(attempt, this.environmentsOf(repo), now);
        const job = view.jobs.find((j) => j.plan.id === jobId);
        return job && { run, attempt, view, job };
      }
    }
    return undefined;
  }
}
