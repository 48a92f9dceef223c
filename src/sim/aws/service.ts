// What a simulated service is: its signing name, its wire protocol and its
// operations. Handlers take plain decoded input and return plain output;
// timestamps are Dates, which each protocol codec writes in its own format.
import type { AwsError } from './errors';

export type Input = Record<string, unknown>;

export interface CallContext {
  service: string;
  operation: string;
  accessKeyId: string;
  /** Throws AccessDenied (naming the IAM action) when the scenario denies this resource. */
  authorize: (resourceArn: string) => void;
}

export type Handler = (input: Input, context: CallContext) => unknown;

interface ServiceBase {
  /** The SigV4 signing name, as in `Credential=AKID/date/region/<name>/aws4_request`. */
  name: string;
  operations: Record<string, Handler>;
  /** The service's error for a page token it did not issue (documentation for tests). */
  invalidTokenCode?: string;
  /** Called without SigV4 (SSO OIDC, the SSO portal): routed by path instead of credential scope. */
  unsigned?: boolean;
}

export interface JsonService extends ServiceBase {
  protocol: 'json';
  /** X-Amz-Target prefix, e.g. CodePipeline_20150709. */
  targetPrefix: string;
}

export interface QueryService extends ServiceBase {
  protocol: 'query';
  version: string;
  xmlNamespace: string;
}

export interface RestQueryMember {
  member: string;
  list?: boolean;
  number?: boolean;
}

export interface RestRoute {
  method: 'GET' | 'POST';
  /** Named groups become input members (URI-decoded). */
  path: RegExp;
  operation: string;
  query: Record<string, RestQueryMember>;
  /** Header name (lower case) → input member, e.g. the SSO portal's bearer token. */
  headers?: Record<string, string>;
}

export interface RestService extends ServiceBase {
  protocol: 'rest-json';
  routes: RestRoute[];
}

export type AwsService = JsonService | QueryService | RestService;

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A protocol's error writer; the server uses it for injected faults and handler errors alike. */
export type ErrorWriter = (error: AwsError, requestId: string) => WireResponse;
