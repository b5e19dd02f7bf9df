// The OpenAPI 3.1 document, made from the route table and the very schemas that validate requests.
import { z } from 'zod';
import { Analysis } from '../model/analysis.js';
import { CODER_VERSION } from '../pipeline/analyze.js';
import { ROUTES } from './api.js';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): JsonSchema {
  // requests are described as a client writes them (io: 'input'), before defaults and transforms
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const ERROR_RESPONSE = { description: 'an error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };

export function openApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    const query = jsonSchema(route.query) as { properties?: Record<string, JsonSchema>; required?: string[] };
    const pathNames = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
    const parameters = [
      ...pathNames.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      ...Object.entries(query.properties ?? {}).map(([name, schema]) => {
        const { description, ...rest } = schema;
        return { name, in: 'query', required: query.required?.includes(name) ?? false, ...(description ? { description } : {}), schema: rest };
      }),
    ];
    const success = route.produces
      ? { description: route.returns, content: Object.fromEntries(route.produces.map((type) => [type, {}])) }
      : { description: route.returns, content: { 'application/json': { schema: route.path === '/api/analyze' ? { $ref: '#/components/schemas/Analysis' } : { type: 'object' } } } };
    const responses: Record<string, unknown> = { 200: success, 400: ERROR_RESPONSE, 500: ERROR_RESPONSE };
    if (route.path === '/api/articles' && route.method === 'POST') responses[201] = success;
    if (pathNames.length) responses[404] = ERROR_RESPONSE;
    if (route.body) Object.assign(responses, { 413: ERROR_RESPONSE, 415: ERROR_RESPONSE });
    const openApiPath = route.path.replace(/:(\w+)/g, '{$1}');
    paths[openApiPath] ??= {};
    paths[openApiPath][route.method.toLowerCase()] = {
      summary: route.summary,
      parameters,
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body) } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'demarche',
      version: CODER_VERSION,
      description: 'Diplomatic and conflict news into verifiable event data. Every request is validated; a 400 names each bad field. '
        + 'Query parameters not listed for an endpoint are refused.',
    },
    paths,
    components: {
      schemas: {
        Analysis: jsonSchema(Analysis),
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['status', 'message'],
              properties: {
                status: { type: 'integer' },
                message: { type: 'string' },
                issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
              },
            },
          },
        },
      },
    },
  };
}
