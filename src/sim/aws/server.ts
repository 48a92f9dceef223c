// One HTTP endpoint for every simulated AWS service. A request is routed by
// the service in its SigV4 credential scope (or, for the unsigned SSO OIDC and
// SSO portal APIs, by path), then decoded by that service's protocol; injected faults and the request log apply to all of them alike.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FaultInjector } from '../faults';
import type { Random } from '../random';
import type { RequestLog } from '../requests';
import { accessDenied, type AccessPolicy, expiredToken, internalFailure, throttled } from './access';
import { AwsError } from './errors';
import { jsonContentType, jsonError, jsonResult, parseJsonBody } from './protocols/json';
import { parseQueryBody, queryError, queryResult } from './protocols/query';
import { hasRoute, matchRoute, restContentType } from './protocols/rest';
import type { AwsService, CallContext, Input, RestService, WireResponse } from './service';

export interface AwsServerOptions {
  services: AwsService[];
  policy: AccessPolicy;
  faults: FaultInjector;
  requests: RequestLog;
  random: Random;
  /** Brings the world up to the clock before each request is answered. */
  beforeRequest: () => void;
}

interface Decoded {
  operation: string;
  input: Input;
}

/** GET this path on the AWS endpoint: the request counts, keyed "service.operation". */
export const requestLogPath = '/_sim/requests';

const credentialPattern = /Credential=([^/,\s]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/;

export class AwsServer {
  readonly #server: Server;
  readonly #services: Map<string, AwsService>;
  readonly #unsigned: RestService[];

  constructor(private readonly options: AwsServerOptions) {
    this.#services = new Map(options.services.map((s) => [s.name, s]));
    this.#unsigned = options.services.filter(
      (s): s is RestService => s.protocol === 'rest-json' && s.unsigned === true,
    );
    this.#server = createServer((req, res) => {
      void this.#handle(req, res);
    });
  }

  async listen(port: number): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, '127.0.0.1', () => resolve());
    });
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const requestId = this.options.random.uuid();
    const url = new URL(req.url ?? '/', 'http://localhost');
    // What the simulator answered so far, per service and operation (AWS and GitHub alike), for tests that
    // check from outside what reached "AWS": e.g. exactly one PutApprovalResult. Loopback only, like the rest.
    if (req.method === 'GET' && url.pathname === requestLogPath) {
      send(res, {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(this.options.requests.byOperation()),
      });
      return;
    }
    const scope = credentialPattern.exec(req.headers.authorization ?? '');
    const service = scope
      ? this.#services.get(scope[3] ?? '')
      : this.#unsigned.find((s) => hasRoute(s, req.method ?? 'GET', url));
    if (!service) {
      const status = scope ? 400 : 403;
      const error = scope
        ? new AwsError('UnrecognizedClientException', `No such service: ${scope[3] ?? ''}`, status)
        : new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token', status);
      this.options.requests.record(scope?.[3] ?? 'unknown', 'unauthenticated', status);
      send(res, unauthenticatedAnswer(req, body, error, requestId));
      return;
    }
    const decoded = decode(service, req, url, body);
    if (decoded instanceof AwsError) {
      this.options.requests.record(service.name, 'unknown', decoded.status);
      send(res, errorAnswer(service, decoded, requestId));
      return;
    }
    const decision = this.options.faults.decide(service.name, decoded.operation);
    if (decision.latencyMs > 0) await new Promise((r) => setTimeout(r, decision.latencyMs));
    if (decision.error === 'connection-reset') {
      this.options.requests.record(service.name, decoded.operation, 0);
      req.socket.destroy();
      return;
    }
    const answer =
      decision.error === 'malformed'
        ? malformedAnswer(service, requestId)
        : this.#answer(service, decoded, scope?.[1] ?? '', decision.error, requestId);
    this.options.requests.record(service.name, decoded.operation, answer.status);
    send(res, answer);
  }

  #answer(
    service: AwsService,
    call: Decoded,
    accessKeyId: string,
    fault: string | undefined,
    requestId: string,
  ): WireResponse {
    const { policy } = this.options;
    try {
      if (policy.expiredAccessKeys.has(accessKeyId) || fault === 'expired-token') throw expiredToken(service);
      if (fault === 'throttle') throw throttled(service);
      if (fault === 'server-error') throw internalFailure();
      if (fault === 'access-denied') throw accessDenied(service, policy, call.operation, '*');
      const handler = service.operations[call.operation];
      if (!handler) throw unknownOperation(service, call.operation);
      this.options.beforeRequest();
      const context: CallContext = {
        service: service.name,
        operation: call.operation,
        accessKeyId,
        authorize: (arn) => {
          if (policy.denied.get(`${service.name}:${call.operation}`)?.has(arn)) {
            throw accessDenied(service, policy, call.operation, arn);
          }
        },
      };
      return resultAnswer(service, call.operation, handler(call.input, context), requestId);
    } catch (error) {
      const awsError = error instanceof AwsError ? error : internalFailure();
      if (!(error instanceof AwsError)) console.error('simulator handler failed', error);
      return errorAnswer(service, awsError, requestId);
    }
  }
}

function decode(service: AwsService, req: IncomingMessage, url: URL, body: string): Decoded | AwsError {
  if (service.protocol === 'json') {
    const target = req.headers['x-amz-target'];
    const [prefix, operation] = typeof target === 'string' ? target.split('.') : [];
    if (prefix !== service.targetPrefix || !operation) return unknownOperation(service, String(target));
    const input = parseJsonBody(body);
    if (!input) return new AwsError('SerializationException', 'Start of structure or map found where not expected.');
    return { operation, input };
  }
  if (service.protocol === 'query') {
    const parsed = parseQueryBody(body);
    if (!parsed) return new AwsError('MissingAction', 'Missing Action', 400);
    return { operation: parsed.action, input: parsed.input };
  }
  const match = matchRoute(service, req.method ?? 'GET', url, body, req.headers);
  if (match === null) return new AwsError('SerializationException', 'Could not parse the request body', 400);
  if (match === undefined) return new AwsError('UnknownOperationException', `No operation at ${url.pathname}`, 404);
  return match;
}

function unknownOperation(service: AwsService, name: string): AwsError {
  if (service.protocol === 'query') return new AwsError('InvalidAction', `Could not find operation ${name}`, 400);
  return new AwsError('UnknownOperationException', `Unknown operation ${name}`, 400);
}

function resultAnswer(service: AwsService, operation: string, output: unknown, requestId: string): WireResponse {
  if (service.protocol === 'query') return queryResult(operation, service.xmlNamespace, output, requestId);
  return jsonResult(output, requestId, service.protocol === 'json' ? jsonContentType : restContentType);
}

function errorAnswer(service: AwsService, error: AwsError, requestId: string): WireResponse {
  if (service.protocol === 'query') return queryError(error, requestId, service.xmlNamespace);
  return jsonError(error, requestId, service.protocol === 'json' ? jsonContentType : restContentType);
}

/** A 200 whose body breaks the protocol's promise: truncated JSON or XML. */
function malformedAnswer(service: AwsService, requestId: string): WireResponse {
  const body = service.protocol === 'query' ? '<DescribeEnvironmentsResponse><Describe' : '{"truncated": [1, 2';
  const contentType = service.protocol === 'query' ? 'text/xml' : jsonContentType;
  return { status: 200, headers: { 'content-type': contentType, 'x-amzn-requestid': requestId }, body };
}

/** Without a credential scope the service is unknown: answer in the protocol the request speaks. */
function unauthenticatedAnswer(req: IncomingMessage, body: string, error: AwsError, requestId: string): WireResponse {
  const isQuery = (req.headers['content-type'] ?? '').includes('x-www-form-urlencoded') || body.startsWith('Action=');
  if (isQuery)
    return queryError(
      new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token', error.status),
      requestId,
    );
  return jsonError(error, requestId);
}

function send(res: ServerResponse, answer: WireResponse): void {
  res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
  res.end(answer.body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
