// The AWS query protocol (Elastic Beanstalk, STS): a form-encoded request
// naming Action and Version, answered with namespaced XML.
import type { AwsError } from '../errors';
import type { WireResponse } from '../service';
import { escapeXml, toXml } from './xml';

const xmlType = 'text/xml';

export interface QueryRequest {
  action: string;
  version: string;
  input: Record<string, unknown>;
}

export function parseQueryBody(body: string): QueryRequest | undefined {
  const form = new URLSearchParams(body);
  const action = form.get('Action');
  if (!action) return undefined;
  const input: Record<string, unknown> = {};
  for (const [key, value] of form) {
    if (key !== 'Action' && key !== 'Version') assign(input, key.split('.'), value);
  }
  return { action, version: form.get('Version') ?? '', input: unflattenLists(input) as Record<string, unknown> };
}

function assign(target: Record<string, unknown>, path: string[], value: string): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const child = (target[head] ??= {}) as Record<string, unknown>;
  assign(child, rest, value);
}

/** `{ member: { '1': a, '2': b } }` → `[a, b]`, recursively. */
function unflattenLists(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === 'member') {
    const members = record.member as Record<string, unknown>;
    return Object.keys(members)
      .sort((a, b) => Number(a) - Number(b))
      .map((k) => unflattenLists(members[k]));
  }
  return Object.fromEntries(keys.map((k) => [k, unflattenLists(record[k])]));
}

export function queryResult(action: string, namespace: string, output: unknown, requestId: string): WireResponse {
  const result = output === undefined ? '' : toXml(`${action}Result`, output);
  const body =
    `<${action}Response xmlns="${namespace}">${result}` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
  return { status: 200, headers: { 'content-type': xmlType, 'x-amzn-requestid': requestId }, body };
}

export function queryError(error: AwsError, requestId: string, namespace?: string): WireResponse {
  const xmlns = namespace ? ` xmlns="${namespace}"` : '';
  const body =
    `<ErrorResponse${xmlns}><Error><Type>${error.type}</Type><Code>${escapeXml(error.code)}</Code>` +
    `<Message>${escapeXml(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
  return { status: error.status, headers: { 'content-type': xmlType, 'x-amzn-requestid': requestId }, body };
}
