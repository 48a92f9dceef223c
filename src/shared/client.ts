// The one client interface the renderer talks to. Two transports implement
// it (the Electron bridge and HTTP + Server-Sent Events); components never
// know which one they have.
import type {
  CommandInput,
  CommandName,
  CommandOutput,
  HubEvent,
  QueryInput,
  QueryName,
  QueryOutput,
} from './contract';
import type { Result } from './result';

export type ConnectionState = 'connected' | 'reconnecting';

export interface StarboardClient {
  readonly transport: 'ipc' | 'http';
  query<N extends QueryName>(name: N, input: QueryInput<N>): Promise<Result<QueryOutput<N>>>;
  command<N extends CommandName>(name: N, input: CommandInput<N>): Promise<Result<CommandOutput<N>>>;
  /** Listen for pushed events; returns the function that stops listening. */
  subscribe(listener: (event: HubEvent) => void): () => void;
  /** Listen for connection changes (events may have been missed while reconnecting). */
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

/**
 * What the preload exposes on `window.starboard`: one named function per
 * query and command, plus event subscription. Results are plain data.
 */
export interface StarboardBridge {
  query: { [N in QueryName]: (input: QueryInput<N>) => Promise<Result<QueryOutput<N>>> };
  command: { [N in CommandName]: (input: CommandInput<N>) => Promise<Result<CommandOutput<N>>> };
  subscribe(listener: (event: HubEvent) => void): () => void;
}
