// Checks a response against an official AWS service model: required
// members, member types, enum values and no members the model lacks. It
// reads both the aws-sdk v2 `apis/*.min.json` files (shapes inline, enums
// stripped) and botocore's `service-2.json` (named shapes with enums).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

interface ShapeRef {
  shape?: string;
  type?: string;
  members?: Record<string, ShapeRef>;
  required?: string[];
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  enum?: string[];
  locationName?: string;
}

export interface ServiceModel {
  source: string;
  operations: Record<string, { output?: ShapeRef }>;
  shapes: Record<string, ShapeRef>;
}

export function loadSdkModel(prefix: string): ServiceModel {
  const dir = join('node_modules', 'aws-sdk', 'apis');
  const file = readdirSync(dir).find(
    (f) =>
      f.startsWith(`${prefix}-`) &&
      f.endsWith('.min.json') &&
      /^\d{4}$/.test(f.slice(prefix.length + 1, prefix.length + 5)),
  );
  if (!file) throw new Error(`no aws-sdk model for ${prefix}`);
  const model = JSON.parse(readFileSync(join(dir, file), 'utf8')) as ServiceModel;
  return { ...model, source: file };
}

let botocoreDir: string | undefined | null = null;

/** botocore's model for a service, or undefined when botocore is not installed. */
export function loadBotocoreModel(service: string): ServiceModel | undefined {
  if (botocoreDir === null) {
    try {
      botocoreDir = execFileSync('python3', ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'], {
        encoding: 'utf8',
      }).trim();
    } catch {
      botocoreDir = undefined;
    }
  }
  if (botocoreDir === undefined) return undefined;
  const base = join(botocoreDir, 'data', service);
  if (!existsSync(base)) return undefined;
  const version = readdirSync(base).sort().at(-1) ?? '';
  const gz = join(base, version, 'service-2.json.gz');
  const plain = join(base, version, 'service-2.json');
  const text = existsSync(gz) ? gunzipSync(readFileSync(gz)).toString('utf8') : readFileSync(plain, 'utf8');
  const model = JSON.parse(text) as {
    operations: Record<string, { output?: ShapeRef }>;
    shapes: Record<string, ShapeRef>;
  };
  return { operations: model.operations, shapes: model.shapes, source: `botocore ${service}/${version}` };
}

/** Problems found in `value` as the output of `operation`; [] when it conforms. */
export function validateOutput(model: ServiceModel, operation: string, value: unknown): string[] {
  const op = model.operations[operation];
  if (!op) return [`${model.source} has no operation ${operation}`];
  const problems: string[] = [];
  if (op.output) check(model, op.output, value, operation, problems);
  return problems;
}

function resolve(model: ServiceModel, ref: ShapeRef): ShapeRef {
  if (ref.shape === undefined) return ref;
  const target = model.shapes[ref.shape];
  if (!target) throw new Error(`unknown shape ${ref.shape}`);
  const rest = { ...ref };
  delete rest.shape;
  return resolve(model, { ...target, ...rest });
}

function check(model: ServiceModel, ref: ShapeRef, value: unknown, path: string, problems: string[]): void {
  if (value === undefined || value === null) return;
  const shape = resolve(model, ref);
  const type = shape.type ?? 'string';
  const fail = (what: string): void =>
    void problems.push(`${path}: ${what} (got ${JSON.stringify(value).slice(0, 80)})`);
  switch (type) {
    case 'structure': {
      if (typeof value !== 'object' || Array.isArray(value) || value instanceof Date)
        return fail('expected a structure');
      const record = value as Record<string, unknown>;
      const members = shape.members ?? {};
      for (const name of shape.required ?? [])
        if (record[name] === undefined) problems.push(`${path}.${name}: required member missing`);
      for (const [name, v] of Object.entries(record)) {
        const member = members[name];
        if (!member) {
          if (v !== undefined) problems.push(`${path}.${name}: not a member of the model`);
          continue;
        }
        check(model, member, v, `${path}.${name}`, problems);
      }
      return;
    }
    case 'list':
      if (!Array.isArray(value)) return fail('expected a list');
      value.forEach((item, i) => check(model, shape.member ?? {}, item, `${path}[${i}]`, problems));
      return;
    case 'map':
      if (typeof value !== 'object' || Array.isArray(value)) return fail('expected a map');
      for (const [k, v] of Object.entries(value as Record<string, unknown>))
        check(model, shape.value ?? {}, v, `${path}{${k}}`, problems);
      return;
    case 'string':
      if (typeof value !== 'string') return fail('expected a string');
      if (shape.enum && !shape.enum.includes(value)) fail(`not one of ${shape.enum.join('|')}`);
      return;
    case 'integer':
    case 'long':
      if (typeof value !== 'number' || !Number.isInteger(value)) fail('expected an integer');
      return;
    case 'double':
    case 'float':
      if (typeof value !== 'number') fail('expected a number');
      return;
    case 'boolean':
      if (typeof value !== 'boolean') fail('expected a boolean');
      return;
    case 'timestamp':
      // JSON protocols send epoch seconds; the query protocol's Dates become ISO 8601 in the XML.
      if (typeof value !== 'number' && !(value instanceof Date)) fail('expected a timestamp');
      return;
    case 'blob':
      if (typeof value !== 'string') fail('expected base64 text');
      return;
    default:
      fail(`unhandled model type ${type}`);
  }
}
