import { z } from "zod";
import { API_SCOPES } from "@/lib/auth/token-scopes";
import { apiErrorSchema } from "../error-schema";
import { OPERATIONS, type DocSchema, type Operation } from "./operations";

// docs/openapi.json, generated from the zod schemas the routes parse with (decision 018): zod 4's
// z.toJSONSchema renders each one as JSON Schema 2020-12 (OpenAPI 3.1's own dialect), and schemas
// named with .meta({id}) are hoisted from each rendering's $defs into components.schemas, their
// $refs rewritten, so a shape used by several routes is described once.

export const OPENAPI_PATH = "docs/openapi.json";

/** The URL path of a route file under app/api/v1 ("projects/[slug]/items" → "/api/v1/projects/{slug}/items"). */
export const openApiPathOf = (route: string) => `/api/v1/${route}`.replace(/\[\.\.\.(\w+)\]/g, "{$1}").replace(/\[(\w+)\]/g, "{$1}");

const ERRORS: Record<number, [name: string, description: string]> = {
  400: ["BadRequest", "A parameter or the body did not validate (issues lists each problem), or the cursor is not one the listing gave out."],
  401: ["Unauthorized", "No valid credentials: send Authorization: Bearer <token> (an unknown, revoked or expired token is the same)."],
  403: ["Forbidden", "The token lacks the route's scope, or the caller's role may not do this."],
  404: ["NotFound", "Not found, or not visible to the caller (another team's project is 404, never 403)."],
  409: ["Conflict", "Conflicts with the current state (already exists; export not finished; saved elsewhere)."],
  413: ["PayloadTooLarge", "The body is larger than the route accepts; nothing was saved."],
  415: ["UnsupportedMediaType", "The body's Content-Type is not one the route reads."],
  422: ["UnprocessableContent", "Well-formed but refused (an annotation that does not satisfy the rubric)."],
  423: ["Locked", "The assignment is already submitted or skipped."],
  503: ["ServiceUnavailable", "Something the route needs is not available on this server (e.g. the PDF renderer)."],
};

const PATH_PARAMETERS: Record<string, string> = {
  slug: "The project's slug.",
  id: "The id (an assignment's, or an export job's).",
  itemId: "The item's id.",
  index: "0-based position of the image in the item.",
  path: 'The stored path, "<slug>/<name>"; may contain slashes.',
};

type Json = Record<string, unknown>;

/** Schemas rendered into components.schemas as they are met. */
class SchemaRegistry {
  readonly schemas: Record<string, Json> = {};

  render(doc: DocSchema, io: "input" | "output", name?: string): Json {
    if (!(doc instanceof z.ZodType)) return this.walk(doc.json, io) as Json;
    const { $schema: _dialect, $defs, ...schema } = z.toJSONSchema(doc, { target: "draft-2020-12", io, unrepresentable: "any" }) as Json & { $defs?: Record<string, Json> };
    void _dialect;
    const names = new Map<string, string>();
    for (const [defName, def] of Object.entries($defs ?? {})) names.set(defName, this.add(defName, def, io, names));
    const body = rewriteRefs(schema, names) as Json;
    return name ? { $ref: `#/components/schemas/${this.add(name, body, io, names)}` } : body;
  }

  /** Literal schemas may hold zod schemas (e.g. the line of an NDJSON body): rendered in place. */
  private walk(value: unknown, io: "input" | "output"): unknown {
    if (value instanceof z.ZodType) return this.render(value, io);
    if (Array.isArray(value)) return value.map((v) => this.walk(v, io));
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.walk(v, io)]));
    return value;
  }

  /** The component's name: its id, or id + "Input" when a request renders it differently from the answer. */
  private add(name: string, schema: Json, io: "input" | "output", names: Map<string, string>): string {
    const rewritten = rewriteRefs(schema, names) as Json;
    for (const candidate of io === "input" ? [name, `${name}Input`] : [name, `${name}Output`]) {
      const existing = this.schemas[candidate];
      if (!existing) {
        this.schemas[candidate] = rewritten;
        return candidate;
      }
      if (JSON.stringify(existing) === JSON.stringify(rewritten)) return candidate;
    }
    throw new Error(`Two different schemas are both named "${name}" (set distinct .meta({ id })).`);
  }
}

function rewriteRefs(value: unknown, names: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, names));
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) =>
      k === "$ref" && typeof v === "string" && v.startsWith("#/$defs/") ? [k, `#/components/schemas/${names.get(v.slice(8)) ?? v.slice(8)}`] : [k, rewriteRefs(v, names)],
    ),
  );
}

function parameters(op: Operation, registry: SchemaRegistry) {
  const path = [...openApiPathOf(op.route).matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: "path", required: true, description: PATH_PARAMETERS[name] ?? name, schema: { type: "string" } }));
  const query: Json[] = [];
  for (const schema of op.query ?? []) {
    const rendered = registry.render(schema, "input") as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, { description, ...property }] of Object.entries(rendered.properties ?? {})) {
      if (query.some((p) => p.name === name)) continue;
      const text = [description, op.notes?.[name]].filter(Boolean).join(" ");
      query.push({ name, in: "query", required: rendered.required?.includes(name) ?? false, ...(text ? { description: text } : {}), schema: property });
    }
  }
  return [...path, ...query];
}

const content = (c: Record<string, DocSchema>, io: "input" | "output", registry: SchemaRegistry) =>
  Object.fromEntries(Object.entries(c).map(([type, schema]) => [type, { schema: registry.render(schema, io) }]));

function errorStatuses(op: Operation): number[] {
  const statuses = new Set(op.errors ?? []);
  if (op.permission) [401, 403].forEach((s) => statuses.add(s));
  if (op.route.includes("[")) statuses.add(404);
  if (op.query?.length || op.body?.content["application/json"]) statuses.add(400);
  return [...statuses].sort((a, b) => a - b);
}

function operationObject(op: Operation, registry: SchemaRegistry) {
  const responses: Json = {};
  for (const [status, r] of Object.entries(op.responses)) {
    responses[status] = {
      description: r.description,
      ...(r.headers ? { headers: Object.fromEntries(Object.entries(r.headers).map(([h, d]) => [h, { description: d, schema: { type: "string" } }])) } : {}),
      ...(r.content ? { content: content(r.content, "output", registry) } : {}),
    };
  }
  for (const status of errorStatuses(op)) {
    const special = op.errorSchemas?.[status];
    responses[status] = special ? { description: ERRORS[status][1], content: { "application/json": { schema: registry.render(special, "output") } } } : { $ref: `#/components/responses/${ERRORS[status][0]}` };
  }
  const id = op.method + op.route.split(/[/.]/).map((part) => part.replace(/[^A-Za-z0-9]/g, "")).filter(Boolean).map((p) => p[0].toUpperCase() + p.slice(1)).join("");
  return {
    operationId: id,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    security: op.permission ? [{ bearerAuth: [op.permission] }] : [],
    ...(op.permission ? { "x-required-scope": op.permission } : {}),
    parameters: parameters(op, registry),
    ...(op.body ? { requestBody: { description: op.body.description, required: op.body.required ?? true, content: content(op.body.content, "input", registry) } } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of /api/v1 as an object (served at /api/v1/openapi.json). */
export function buildOpenApiDocument() {
  const registry = new SchemaRegistry();
  const errorRef = registry.render(apiErrorSchema, "output");
  const paths: Record<string, Record<string, unknown>> = {};
  const order = ["get", "post", "put"];
  for (const op of [...OPERATIONS].sort((a, b) => openApiPathOf(a.route).localeCompare(openApiPathOf(b.route)) || order.indexOf(a.method) - order.indexOf(b.method))) {
    (paths[openApiPathOf(op.route)] ??= {})[op.method] = operationObject(op, registry);
  }
  const scopes = Object.entries(API_SCOPES).map(([scope, what]) => `\`${scope}\`: ${what}`).join("; ");
  return {
    openapi: "3.1.0",
    info: {
      title: "Consilium API",
      version: "1",
      description:
        "Physician review of medical AI outputs: projects, items, annotations, exports, results and imports. Authenticate with an API token (account page) as `Authorization: Bearer <token>`. Errors are `{error, issues?}` (components.schemas.Error). Listings page by cursor: pass `nextCursor` back as `?cursor=` until it is null. See the README's \"API\" section.",
      license: { name: "See the repository's LICENSE" },
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    servers: [{ url: "/", description: "The Consilium server that serves this document." }],
    tags: [...new Set(OPERATIONS.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: `An API token created on the account page, carrying scopes. Each operation lists the one scope it needs; the token's owner must also still hold the role. Scopes: ${scopes}.` },
      },
      responses: Object.fromEntries(Object.values(ERRORS).map(([name, description]) => [name, { description, content: { "application/json": { schema: errorRef } } }])),
      schemas: Object.fromEntries(Object.entries(registry.schemas).sort(([a], [b]) => a.localeCompare(b))),
    },
  };
}

export function renderOpenApiJson(): string {
  return JSON.stringify(buildOpenApiDocument(), null, 2) + "\n";
}
