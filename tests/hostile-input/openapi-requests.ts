/** Requests built from the OpenAPI document: a valid-looking one per operation, and places to put hostile values. */

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
};

type Parameter = { in: string; name: string; required?: boolean; schema: JsonSchema };
type OpenApiOperation = { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } };
export type OpenApiDocument = { paths: Record<string, Record<string, OpenApiOperation>> };

export type Operation = {
  method: string;
  /** As in the document: /api/plans/{planId} */
  path: string;
  params: Array<{ name: string; schema: JsonSchema }>;
  query: Array<{ name: string; schema: JsonSchema }>;
  body: JsonSchema | null;
};

/** Every method and path of the document. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      params: (operation.parameters ?? []).filter((p) => p.in === 'path').map(({ name, schema }) => ({ name, schema })),
      query: (operation.parameters ?? []).filter((p) => p.in === 'query').map(({ name, schema }) => ({ name, schema })),
      body: operation.requestBody?.content['application/json']?.schema ?? null,
    })),
  );
}

export const someId = '00000000-0000-4000-8000-000000000000';
const samples: Record<string, string> = {
  uuid: someId,
  email: 'nguoi-dung@example.vn',
  date: '2026-03-02',
  'date-time': '2026-03-02T02:00:00Z',
  uri: 'https://example.vn/du-lieu',
};
/** Values tried, in order, against a pattern the document gives; a pattern none matches fails the test, asking for one more. */
const patternCandidates = [
  'MA-THU-1',
  '123456',
  '+84 912 345 678',
  'U2FuZyBraWVu',
  `${'ab'.repeat(24)}.ics`,
  'ket_qua',
  '2026-Q1',
  '12/BC-SYT',
];

function textOf(schema: JsonSchema): string {
  if (schema.format && samples[schema.format]) return samples[schema.format]!;
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Infinity;
  const fits = (text: string) => text.length >= min && text.length <= max;
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern, 'u');
    const found = patternCandidates.find((candidate) => pattern.test(candidate) && fits(candidate));
    if (!found) throw new Error(`no sample value matches the pattern ${schema.pattern}: add one to patternCandidates`);
    return found;
  }
  const text = 'Giá trị hợp lệ';
  return text.length >= min ? text.slice(0, Math.max(max, 1)) : text + 'x'.repeat(min - text.length);
}

function numberOf(schema: JsonSchema): number {
  const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
  const high = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : Infinity);
  return Math.min(low, high);
}

const typeOf = (schema: JsonSchema): string | undefined =>
  Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;

/** A value the schema accepts, with every optional property present and every list holding one item. */
export function exampleOf(schema: JsonSchema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return exampleOf(branches.find((branch) => typeOf(branch) !== 'null' && branch.type !== 'null') ?? branches[0]!);
  if (schema.allOf) return exampleOf(Object.assign({}, ...schema.allOf) as JsonSchema);
  switch (typeOf(schema)) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, property]) => [key, exampleOf(property)]));
    case 'array': {
      const length = Math.min(Math.max(schema.minItems ?? 0, 1), schema.maxItems ?? Infinity);
      return Array.from({ length }, () => exampleOf(schema.items ?? {}));
    }
    case 'string':
      return textOf(schema);
    case 'integer':
    case 'number':
      return numberOf(schema);
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return textOf(schema);
  }
}

export type Leaf = { path: Array<string | number>; isDate: boolean; maxLength: number | undefined };

/** The places in `value` (built by exampleOf from `schema`) that hold text, whether the schema wants a date there, and the longest text it allows. */
export function textLeaves(schema: JsonSchema, value: unknown, path: Array<string | number> = []): Leaf[] {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const chosen = branches.find((branch) => typeOf(branch) !== 'null' && branch.type !== 'null') ?? branches[0]!;
    return textLeaves(chosen, value, path);
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => textLeaves(schema.items ?? {}, item, [...path, index]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => textLeaves(schema.properties?.[key] ?? {}, item, [...path, key]));
  }
  return typeof value === 'string'
    ? [{ path, isDate: schema.format === 'date' || schema.format === 'date-time', maxLength: schema.maxLength }]
    : [];
}

/** A copy of `value` with `replacement` at `path`. */
export function replaceAt(value: unknown, path: Array<string | number>, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = replaceAt(copy[head!], rest, replacement);
  return copy;
}

/** The URL of an operation with these path parameter values and query. */
export function urlOf(operation: Operation, params: Record<string, string>, query: Record<string, string>): string {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]!));
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}
