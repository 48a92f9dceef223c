// The browser-mode transport: POST for queries and commands, one shared
// EventSource for events. `base` is the page's own /<token>/ URL.
import type { ConnectionState, StarboardClient } from '../../../shared/client';
import type { HubEvent, MessageKind } from '../../../shared/contract';
import { fail, type Result } from '../../../shared/result';

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  return value.ok === true ? 'value' in value : 'error' in value;
}

function isHubEvent(value: unknown): value is HubEvent {
  return (
    typeof value === 'object' &&
    value !== null &&
    'name' in value &&
    typeof value.name === 'string' &&
    'payload' in value
  );
}

export function createHttpClient(base: string): StarboardClient {
  const listeners = new Set<(event: HubEvent) => void>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let source: EventSource | undefined;

  async function call(kind: MessageKind, name: string, input: unknown): Promise<Result<never>> {
    let response: Response;
    try {
      response = await fetch(new URL(`api/${kind}/${encodeURIComponent(name)}`, base), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
    } catch {
      return fail('offline', 'Starboard’s server is not answering. Is `npm run web` still running?');
    }
    if (response.status === 401)
      return fail('access-denied', 'This page’s token is no longer valid. Open the link Starboard printed.');
    const body: unknown = await response.json().catch(() => undefined);
    return isResult(body)
      ? (body as Result<never>)
      : fail('internal', `Unexpected answer from the server (HTTP ${response.status}).`);
  }

  function connect(): void {
    if (source) return;
    source = new EventSource(new URL('api/events', base));
    source.onopen = () => {
      // Events sent before the stream opened (the first time too) were missed: tell listeners so they refetch.
      for (const listener of connectionListeners) listener('connected');
    };
    source.onerror = () => {
      for (const listener of connectionListeners) listener('reconnecting');
    };
    source.onmessage = (message: MessageEvent<string>) => {
      let event: unknown;
      try {
        event = JSON.parse(message.data);
      } catch {
        return;
      }
      if (!isHubEvent(event)) return;
      for (const listener of listeners) listener(event);
    };
  }

  return {
    transport: 'http',
    query: (name, input) => call('query', name, input),
    command: (name, input) => call('command', name, input),
    subscribe(listener) {
      listeners.add(listener);
      connect();
      return () => listeners.delete(listener);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
}
