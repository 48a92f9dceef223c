// The contract over HTTP: POST api/query/NAME and api/command/NAME with a JSON
// body, answered with the same Result the IPC transport returns.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MessageKind } from '../../shared/contract';
import { fail, type ContractError, type Result } from '../../shared/result';
import type { Hub } from '../hub/hub';

export const maxBodyBytes = 256 * 1024;

const statusFor: Partial<Record<ContractError['code'], number>> = {
  'invalid-input': 400,
  'unknown-message': 404,
  'payload-too-large': 413,
  internal: 500,
};

export async function handleApiCall(
  hub: Hub,
  kind: MessageKind,
  name: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'POST') return sendResult(res, fail('unknown-message', 'Use POST.'), 405);
  if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
    return sendResult(res, fail('invalid-input', 'The body must be application/json.'), 415);
  }
  const body = await readBody(req, maxBodyBytes);
  if (body === tooLarge) {
    return sendResult(res, fail('payload-too-large', `The body is larger than ${maxBodyBytes} bytes.`), 413, true);
  }
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    return sendResult(res, fail('invalid-input', 'The body is not valid JSON.'));
  }
  sendResult(res, await hub.dispatch(kind, name, payload));
}

export function sendResult(res: ServerResponse, result: Result<unknown>, status?: number, close = false): void {
  const code = status ?? (result.ok ? 200 : (statusFor[result.error.code] ?? 200));
  res.writeHead(code, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...(close ? { Connection: 'close' } : {}),
  });
  res.end(JSON.stringify(result));
}

const tooLarge = Symbol('too large');

function readBody(req: IncomingMessage, limit: number): Promise<string | typeof tooLarge> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      req.resume();
      resolve(tooLarge);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve(tooLarge);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
