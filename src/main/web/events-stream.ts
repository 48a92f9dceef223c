// Pushed events for browser mode as Server-Sent Events. A heartbeat keeps
// idle connections open through proxies; the number of streams is capped.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Hub } from '../hub/hub';

export const maxStreams = 16;
const heartbeatMs = 20_000;

export class EventStreams {
  readonly #open = new Set<ServerResponse>();

  constructor(private readonly hub: Hub) {}

  get count(): number {
    return this.#open.size;
  }

  open(req: IncomingMessage, res: ServerResponse): void {
    if (this.#open.size >= maxStreams) {
      res.writeHead(429, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '5' });
      res.end('Too many open event streams.');
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write('retry: 2000\n\n');
    this.#open.add(res);
    const unsubscribe = this.hub.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
    const close = (): void => {
      clearInterval(heartbeat);
      unsubscribe();
      this.#open.delete(res);
    };
    req.on('close', close);
    res.on('error', close);
  }

  closeAll(): void {
    for (const res of this.#open) res.end();
    this.#open.clear();
  }
}
