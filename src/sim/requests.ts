// Every request the simulator answers, counted per service and operation:
// what benches report as "API calls per refresh".
export interface RequestRecord {
  service: string;
  operation: string;
  status: number;
}

export class RequestLog {
  #records: RequestRecord[] = [];

  record(service: string, operation: string, status: number): void {
    this.#records.push({ service, operation, status });
  }

  /** Everything recorded since the last reset. */
  get records(): readonly RequestRecord[] {
    return this.#records;
  }

  count(filter: Partial<RequestRecord> = {}): number {
    return this.#records.filter(
      (r) =>
        (filter.service === undefined || r.service === filter.service) &&
        (filter.operation === undefined || r.operation === filter.operation) &&
        (filter.status === undefined || r.status === filter.status),
    ).length;
  }

  /** Counts keyed by "service.operation". */
  byOperation(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.#records) out[`${r.service}.${r.operation}`] = (out[`${r.service}.${r.operation}`] ?? 0) + 1;
    return out;
  }

  reset(): void {
    this.#records = [];
  }
}
