// GitHub's official OpenAPI description (from @octokit/openapi), loaded once
// per test file, and the lookup from a concrete request to the response
// schema the description gives for it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Schema } from './schema-check';

type Operation = {
  operationId?: string;
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
};
export type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

const require = createRequire(import.meta.url);

export function loadDescription(name: 'api.github.com' | 'ghes-3.19' = 'api.github.com'): OpenApiDocument {
  const file = require.resolve(`@octokit/openapi/generated/${name}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
}

interface CompiledPath {
  template: string;
  pattern: RegExp;
  params: number;
}

export class Description {
  readonly #paths: CompiledPath[];

  constructor(readonly document: OpenApiDocument) {
    this.#paths = Object.keys(document.paths).map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
      params: (template.match(/\{/g) ?? []).length,
    }));
  }

  /** The operation a concrete path and method hit (literal segments win over parameters). */
  operation(method: string, path: string): { template: string; operation: Operation } | undefined {
    const candidates = this.#paths.filter(
      (p) => p.pattern.test(path) && this.document.paths[p.template]?.[method.toLowerCase()],
    );
    candidates.sort((a, b) => a.params - b.params);
    const best = candidates[0];
    const operation = best && this.document.paths[best.template]?.[method.toLowerCase()];
    return best && operation ? { template: best.template, operation } : undefined;
  }

  /** The JSON response schema for a status, if the description has one. */
  responseSchema(
    method: string,
    path: string,
    status: number,
  ): { operationId: string; schema: Schema | undefined } | undefined {
    const found = this.operation(method, path);
    if (!found) return undefined;
    const response = found.operation.responses?.[String(status)];
    return {
      operationId: found.operation.operationId ?? found.template,
      schema: response?.content?.['application/json']?.schema,
    };
  }
}
