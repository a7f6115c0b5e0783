import 'server-only';
import { buildOpenApiDocument } from '@/lib/api/openapi';

// A readable view of the OpenAPI document for the dashboard's API reference page: the same
// document /api/v1/openapi.json serves, flattened into rows a person can scan.

type Schema = Record<string, unknown>;
type Doc = ReturnType<typeof buildOpenApiDocument>;

export type ReferenceField = { name: string; type: string; required: boolean; description?: string };
export type ReferenceParameter = ReferenceField & { in: string; default?: string };
export type ReferenceOperation = {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  summary: string;
  keyRequired: boolean;
  parameters: ReferenceParameter[];
  responses: { status: string; description: string }[];
  fields: ReferenceField[];
};

const refName = (ref: string) => ref.split('/').pop()!;

function resolve(doc: Doc, schema: Schema): Schema {
  return typeof schema.$ref === 'string' ? ((doc.components.schemas as Record<string, Schema>)[refName(schema.$ref)] ?? {}) : schema;
}

/** A short type label: string, integer, ArticleSummary[], string (date-time) | null, "a" | "b". */
export function typeLabel(schema: Schema): string {
  if (typeof schema.$ref === 'string') return refName(schema.$ref);
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Schema[]).map(typeLabel).join(' | ');
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
  if ('const' in schema) return JSON.stringify(schema.const);
  if (schema.type === 'array') return `${typeLabel((schema.items as Schema) ?? {})}[]`;
  const type = Array.isArray(schema.type) ? (schema.type as string[]).join(' | ') : String(schema.type ?? 'any');
  return schema.format ? `${type} (${String(schema.format)})` : type;
}

/** The object schema inside a property (through arrays and nullable unions), if it is a named component worth expanding. */
function nestedObject(doc: Doc, schema: Schema): { schema: Schema; name: string; array: boolean } | null {
  let s = schema;
  let array = false;
  if (Array.isArray(s.anyOf)) s = (s.anyOf as Schema[]).find((a) => a.type !== 'null') ?? s;
  if (s.type === 'array' && s.items) {
    s = s.items as Schema;
    array = true;
  }
  if (typeof s.$ref !== 'string') return s.type === 'object' && s.properties ? { schema: s, name: '', array } : null;
  return { schema: resolve(doc, s), name: refName(s.$ref), array };
}

/** Every field of a response, nested ones as a.b or a[].b; recursive types (the body tree) are named, not expanded. */
function fieldsOf(doc: Doc, schema: Schema, prefix = '', seen = new Set<string>()): ReferenceField[] {
  const s = resolve(doc, schema);
  const props = (s.properties ?? {}) as Record<string, Schema>;
  const required = (s.required ?? []) as string[];
  const rows: ReferenceField[] = [];
  for (const [name, prop] of Object.entries(props)) {
    const full = `${prefix}${name}`;
    rows.push({ name: full, type: typeLabel(prop), required: required.includes(name), ...(typeof prop.description === 'string' ? { description: prop.description } : {}) });
    const nested = nestedObject(doc, prop);
    if (nested && !seen.has(nested.name) && nested.name !== 'BodyNode') {
      rows.push(...fieldsOf(doc, nested.schema, `${full}${nested.array ? '[]' : ''}.`, nested.name ? new Set([...seen, nested.name]) : seen));
    }
  }
  return rows;
}

type Operation = {
  operationId: string;
  summary: string;
  security?: unknown[];
  parameters?: { name: string; in: string; required: boolean; description?: string; schema: Schema }[];
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
};

/** The document as operations with parameters and response fields, in the document's order. */
export function buildApiReference(doc: Doc = buildOpenApiDocument()): { title: string; description: string; version: string; operations: ReferenceOperation[] } {
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, op]) => describeOperation(doc, path, method.toUpperCase() as ReferenceOperation['method'], op)),
  );
  return { title: doc.info.title, description: doc.info.description, version: doc.info.version, operations };
}

function describeOperation(doc: Doc, path: string, method: ReferenceOperation['method'], op: Operation): ReferenceOperation {
  const ok = (op.responses['200'] ?? op.responses['201'])?.content?.['application/json']?.schema;
  return {
    id: op.operationId,
    method,
    path: `/api/v1${path}`,
    summary: op.summary,
    keyRequired: !(Array.isArray(op.security) && op.security.length === 0),
    parameters: (op.parameters ?? []).map((p) => ({
      name: p.name,
      in: p.in,
      required: p.required,
      type: typeLabel(p.schema),
      ...(p.description ? { description: p.description } : {}),
      ...(p.schema.default !== undefined ? { default: JSON.stringify(p.schema.default) } : {}),
    })),
    responses: Object.entries(op.responses).map(([status, r]) => ({ status, description: r.description })),
    fields: ok && ok.$ref ? fieldsOf(doc, ok) : [],
  };
}
