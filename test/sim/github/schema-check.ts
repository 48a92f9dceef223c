// A small, strict checker for the OpenAPI 3.0 subset GitHub's description
// uses in responses: $ref, type (with nullable), enum, required, properties,
// additionalProperties, items, allOf/anyOf/oneOf and the date-time format.
// It answers with every violation and the JSON path where it happened.
export type Schema = Record<string, unknown>;

const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export class SchemaChecker {
  constructor(private readonly document: unknown) {}

  resolve(schema: Schema): Schema {
    let current = schema;
    const seen = new Set<string>();
    while (typeof current.$ref === 'string') {
      const ref = current.$ref;
      if (seen.has(ref)) throw new Error(`circular $ref ${ref}`);
      seen.add(ref);
      if (!ref.startsWith('#/')) throw new Error(`external $ref ${ref} is not supported`);
      let node: unknown = this.document;
      for (const part of ref.slice(2).split('/')) {
        const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
        node = (node as Record<string, unknown> | undefined)?.[key];
      }
      if (typeof node !== 'object' || node === null) throw new Error(`unresolvable $ref ${ref}`);
      current = node as Schema;
    }
    return current;
  }

  /** Every violation of `schema` by `value`; empty when it conforms. */
  check(value: unknown, schema: Schema, path = '$'): string[] {
    const s = this.resolve(schema);
    if (value === null) {
      const types = Array.isArray(s.type) ? (s.type as unknown[]) : [];
      if (s.nullable === true || types.includes('null')) return [];
      if (s.enum && (s.enum as unknown[]).includes(null)) return [];
      // A schema with no type and no combinators accepts anything, null included.
      if (s.type === undefined && !s.allOf && !s.anyOf && !s.oneOf && !s.properties && !s.enum) return [];
      if (!s.allOf && !s.anyOf && !s.oneOf) return [`${path}: null is not allowed`];
    }
    const errors: string[] = [];
    if (s.allOf) for (const part of s.allOf as Schema[]) errors.push(...this.check(value, part, path));
    if (s.anyOf) {
      const results = (s.anyOf as Schema[]).map((part) => this.check(value, part, path));
      if (!results.some((r) => r.length === 0))
        errors.push(`${path}: matches none of anyOf (${results.map((r) => r[0]).join(' | ')})`);
    }
    if (s.oneOf) {
      const passing = (s.oneOf as Schema[]).filter((part) => this.check(value, part, path).length === 0).length;
      if (passing !== 1) errors.push(`${path}: matches ${passing} of oneOf, expected exactly 1`);
    }
    if (value === null) return errors;
    errors.push(...this.checkType(value, s, path));
    if (errors.length > 0) return errors;
    if (s.enum && !(s.enum as unknown[]).includes(value))
      errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(s.enum)}`);
    if (s.format === 'date-time' && typeof value === 'string' && !dateTime.test(value))
      errors.push(`${path}: ${value} is not a date-time`);
    if (Array.isArray(value) && s.items)
      value.forEach((item, i) => errors.push(...this.check(item, s.items as Schema, `${path}[${i}]`)));
    if (isObject(value)) errors.push(...this.checkObject(value, s, path));
    return errors;
  }

  private checkType(value: unknown, s: Schema, path: string): string[] {
    if (s.type === undefined) return [];
    const types = (Array.isArray(s.type) ? s.type : [s.type]) as string[];
    return types.some((t) => hasType(value, t)) ? [] : [`${path}: expected ${types.join('|')}, got ${describe(value)}`];
  }

  private checkObject(value: Record<string, unknown>, s: Schema, path: string): string[] {
    const errors: string[] = [];
    for (const key of (s.required as string[] | undefined) ?? []) {
      if (!Object.hasOwn(value, key)) errors.push(`${path}: missing required property "${key}"`);
    }
    const properties = (s.properties as Record<string, Schema> | undefined) ?? {};
    for (const [key, child] of Object.entries(value)) {
      const property = properties[key];
      if (property) errors.push(...this.check(child, property, `${path}.${key}`));
      else if (s.additionalProperties === false) errors.push(`${path}: unexpected property "${key}"`);
      else if (isObject(s.additionalProperties))
        errors.push(...this.check(child, s.additionalProperties, `${path}.${key}`));
    }
    return errors;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    default:
      throw new Error(`unknown schema type ${type}`);
  }
}

const describe = (value: unknown): string => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);
