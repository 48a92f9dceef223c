// The single gate every incoming message passes, whichever transport carried
// it: known name, schema-valid input, then the handler. Handlers only ever
// see parsed, typed input; anything else gets a typed error back and causes
// no side effect.
import type { z } from 'zod';
import {
  commands,
  queries,
  type CommandInput,
  type CommandName,
  type CommandOutput,
  type MessageKind,
  type QueryInput,
  type QueryName,
  type QueryOutput,
} from '../../shared/contract';
import { fail, type Result } from '../../shared/result';
import type { Logger } from './log';

export type QueryHandlers = {
  [N in QueryName]: (input: QueryInput<N>) => Promise<Result<QueryOutput<N>>>;
};
export type CommandHandlers = {
  [N in CommandName]: (input: CommandInput<N>) => Promise<Result<CommandOutput<N>>>;
};

export type Dispatch = (kind: MessageKind, name: unknown, payload: unknown) => Promise<Result<unknown>>;

type AnyHandler = (input: unknown) => Promise<Result<unknown>>;

export function createDispatch(handlers: { queries: QueryHandlers; commands: CommandHandlers }, log: Logger): Dispatch {
  const tables: Record<MessageKind, { specs: Record<string, { input: z.ZodType }>; run: Record<string, unknown> }> = {
    query: { specs: queries, run: handlers.queries },
    command: { specs: commands, run: handlers.commands },
  };

  return async (kind, name, payload) => {
    const table = tables[kind];
    if (typeof name !== 'string' || !Object.hasOwn(table.specs, name)) {
      log.warn('rejected unknown message', { kind, name: typeof name === 'string' ? name.slice(0, 64) : typeof name });
      return fail('unknown-message', `There is no ${kind} with that name.`);
    }
    const spec = table.specs[name];
    const handler = table.run[name] as AnyHandler | undefined;
    if (!spec || !handler) return fail('unknown-message', `There is no ${kind} with that name.`);

    const parsed = spec.input.safeParse(payload);
    if (!parsed.success) {
      log.warn('rejected invalid input', { kind, name });
      return fail('invalid-input', `The ${kind} "${name}" was sent invalid input.`, {
        issues: parsed.error.issues.slice(0, 20).map((issue) => ({
          path: issue.path.map(String).join('.'),
          message: issue.message,
        })),
      });
    }
    try {
      return await handler(parsed.data);
    } catch (error) {
      log.error(`${kind} ${name} failed`, error);
      return fail('internal', 'Something went wrong inside Starboard. The details are in the log.');
    }
  };
}
