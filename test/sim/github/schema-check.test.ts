// The checker used by the model-validation test must itself catch what it is
// there to catch: a wrong enum value, a missing required property, a wrong
// type, a null where none is allowed, and oneOf ambiguity.
import { beforeAll, describe, expect, it } from 'vitest';
import { Description, loadDescription } from './openapi';
import { SchemaChecker, type Schema } from './schema-check';

let description: Description;
let checker: SchemaChecker;
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

beforeAll(() => {
  description = new Description(loadDescription());
  checker = new SchemaChecker(description.document);
});

const step = {
  name: 'Run tests',
  status: 'completed',
  conclusion: 'success',
  number: 1,
  started_at: '2026-01-15T09:00:00Z',
  completed_at: '2026-01-15T09:01:00Z',
};

describe('the schema checker', () => {
  it('accepts a conforming value', () => {
    expect(
      checker.check(
        { key: 'mit', name: 'MIT License', url: null, spdx_id: 'MIT', node_id: 'x' },
        ref('license-simple'),
      ),
    ).toEqual([]);
  });

  it('fails on a job status that is not in the enum', () => {
    const jobs = description.responseSchema('GET', '/repos/o/r/actions/runs/1/jobs', 200)?.schema;
    expect(jobs).toBeDefined();
    const job = { steps: [{ ...step, status: 'finished' }] };
    const errors = checker.check({ total_count: 1, jobs: [job] }, jobs ?? {});
    expect(errors.join('\n')).toContain('"finished" is not one of ["queued","in_progress","completed"]');
  });

  it('fails on a missing required property', () => {
    const errors = checker.check({ name: 'main', commit: { sha: 'abc' }, protected: false }, ref('short-branch'));
    expect(errors).toContain('$.commit: missing required property "url"');
  });

  it('fails on a wrong type and on a null that is not nullable', () => {
    expect(
      checker.check(
        {
          id: '7',
          node_id: 'x',
          name: 'p',
          url: 'u',
          html_url: 'h',
          created_at: '2026-01-01T00:00:00Z',
          updated_at: '2026-01-01T00:00:00Z',
        },
        ref('environment'),
      ),
    ).toContain('$.id: expected integer, got string');
    expect(
      checker.check({ name: null, commit: { sha: 'a', url: 'u' }, protected: false }, ref('short-branch')),
    ).toContain('$.name: null is not allowed');
  });

  it('fails on a malformed date-time', () => {
    expect(
      checker.check(
        { ...step, started_at: 'yesterday' },
        { type: 'object', properties: { started_at: { type: 'string', format: 'date-time' } } },
      ),
    ).toEqual(['$.started_at: yesterday is not a date-time']);
  });

  it('requires exactly one oneOf branch and at least one anyOf branch', () => {
    const oneOf: Schema = { oneOf: [{ type: 'integer' }, { type: 'number' }] };
    expect(checker.check(3, oneOf)[0]).toContain('matches 2 of oneOf');
    expect(checker.check('x', { anyOf: [{ type: 'integer' }, { type: 'boolean' }] })[0]).toContain(
      'matches none of anyOf',
    );
    expect(checker.check(1.5, oneOf)).toEqual([]);
  });

  it('rejects properties that additionalProperties: false forbids', () => {
    expect(checker.check({ surprise: 1 }, ref('empty-object'))).toEqual(['$: unexpected property "surprise"']);
  });
});
