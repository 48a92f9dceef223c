// The hub's outgoing event stream: every listener gets every event, and one
// failing listener does not stop the others.
import type { EventName, EventPayload, HubEvent } from '../../shared/contract';
import type { Logger } from './log';

export class EventBus {
  readonly #listeners = new Set<(event: HubEvent) => void>();

  constructor(private readonly log: Logger) {}

  subscribe(listener: (event: HubEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    const event = { name, payload } as HubEvent;
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        this.log.error(`event listener failed on ${name}`, error);
      }
    }
  }

  get size(): number {
    return this.#listeners.size;
  }
}
