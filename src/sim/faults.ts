// Fault and latency injection, per service and per operation, shared by the
// AWS and GitHub sides. Tests and benches add rules; each request asks
// `decide` what to do to it.
import type { Random } from './random';

export type FaultKind =
  | 'throttle' // AWS ThrottlingException (400) / GitHub secondary rate limit (429 + retry-after)
  | 'access-denied' // AWS AccessDeniedException / GitHub 403
  | 'expired-token' // AWS ExpiredTokenException / GitHub 401 Bad credentials
  | 'malformed' // a 200 whose body is not what the protocol promises
  | 'server-error' // 500 / 502
  | 'connection-reset'; // the socket is destroyed without an answer

export interface FaultRule {
  /** 'codepipeline', 'codebuild', …, 'github'; omitted = every service. */
  service?: string;
  /** The operation name (AWS) or a route name such as 'listWorkflowRuns' (GitHub); omitted = every one. */
  operation?: string;
  /** Added delay before answering. */
  latencyMs?: number;
  /** What goes wrong, if anything. */
  error?: FaultKind;
  /** Probability that `error` applies to a matching request (default 1). */
  rate?: number;
  /** Apply to this many matching requests, then retire the rule. */
  times?: number;
}

export interface FaultDecision {
  latencyMs: number;
  error?: FaultKind;
}

export class FaultInjector {
  readonly #rules = new Map<number, FaultRule & { used: number }>();
  #nextId = 1;

  constructor(private readonly random: Random) {}

  /** Adds a rule; returns a function that removes it. */
  add(rule: FaultRule): () => void {
    const id = this.#nextId++;
    this.#rules.set(id, { ...rule, used: 0 });
    return () => this.#rules.delete(id);
  }

  clear(): void {
    this.#rules.clear();
  }

  decide(service: string, operation: string): FaultDecision {
    let latencyMs = 0;
    let error: FaultKind | undefined;
    for (const [id, rule] of this.#rules) {
      if (rule.service !== undefined && rule.service !== service) continue;
      if (rule.operation !== undefined && rule.operation !== operation) continue;
      latencyMs += rule.latencyMs ?? 0;
      if (rule.error && !error && this.random.chance(rule.rate ?? 1)) error = rule.error;
      rule.used += 1;
      if (rule.times !== undefined && rule.used >= rule.times) this.#rules.delete(id);
    }
    return error ? { latencyMs, error } : { latencyMs };
  }
}
