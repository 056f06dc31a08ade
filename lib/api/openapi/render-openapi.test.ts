import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_SCOPES } from "@/lib/auth/token-scopes";
import { OPENAPI_PATH, buildOpenApiDocument, renderOpenApiJson } from "./render-openapi";

const file = path.resolve(import.meta.dirname, "../../..", OPENAPI_PATH);
const committed = () => (existsSync(file) ? readFileSync(file, "utf8") : "(missing)");

type Doc = ReturnType<typeof buildOpenApiDocument>;
type Op = { operationId: string; security: Record<string, string[]>[]; parameters: { name: string; in: string; required: boolean }[]; responses: Record<string, { $ref?: string; content?: Record<string, unknown> }> };

/** Every {"$ref": …} in the document, with where it was found. */
function refsOf(value: unknown, at = "#"): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => refsOf(v, `${at}/${i}`));
  if (!value || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => (k === "$ref" && typeof v === "string" ? [[at, v] as [string, string]] : refsOf(v, `${at}/${k}`)));
}

const resolve = (doc: unknown, ref: string) => ref.slice(2).split("/").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], doc);

describe("the OpenAPI document", () => {
  it("docs/openapi.json is generated from the zod schemas and up to date (npm run docs:openapi)", () => {
    expect(committed(), "docs/openapi.json is out of date: run npm run docs:openapi").toBe(renderOpenApiJson());
  });

  it("is OpenAPI 3.1 with its top-level keys, a bearer scheme and JSON Schema 2020-12", () => {
    const doc: Doc = buildOpenApiDocument();
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(["openapi", "info", "paths", "components"]));
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(doc.jsonSchemaDialect).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    for (const p of Object.keys(doc.paths)) expect(p).toMatch(/^\/api\/v1\//);
  });

  it("every $ref resolves, operation ids are unique, path parameters are declared, scopes exist", () => {
    const doc = buildOpenApiDocument();
    for (const [at, ref] of refsOf(doc)) expect([at, ref, resolve(doc, ref) !== undefined]).toEqual([at, ref, true]);
    const ids = new Set<string>();
    for (const [p, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item as Record<string, Op>)) {
        expect(ids.has(op.operationId), op.operationId).toBe(false);
        ids.add(op.operationId);
        const declared = op.parameters.filter((x) => x.in === "path").map((x) => x.name);
        expect([p, declared]).toEqual([p, [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1])]);
        for (const requirement of op.security) for (const scope of requirement.bearerAuth ?? []) expect(Object.keys(API_SCOPES)).toContain(scope);
        const statuses = Object.keys(op.responses).map(Number);
        expect([p, method, statuses.some((s) => s >= 200 && s < 300)]).toEqual([p, method, true]);
        if (op.security.length) expect([p, method, statuses]).toEqual([p, method, expect.arrayContaining([401, 403])]);
      }
    }
  });

  it("every error answer is the one error shape {error, issues?} (or a documented superset of it)", () => {
    const doc = buildOpenApiDocument();
    const error = doc.components.schemas.Error as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(error.properties)).toEqual(["error", "issues"]);
    expect(error.required).toEqual(["error"]);
    for (const [p, item] of Object.entries(doc.paths)) {
      for (const op of Object.values(item as Record<string, Op>)) {
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) < 400) continue;
          const body = response.$ref ? (resolve(doc, response.$ref) as { content: Record<string, { schema: { $ref: string } }> }) : (response as { content: Record<string, { schema: { $ref: string } }> });
          const schema = resolve(doc, body.content["application/json"].schema.$ref) as { properties: Record<string, unknown>; required: string[] };
          expect([p, status, schema.required]).toEqual([p, status, expect.arrayContaining(["error"])]);
          expect([p, status, Object.keys(schema.properties)]).toEqual([p, status, expect.arrayContaining(["error", "issues"])]);
        }
      }
    }
  });
});
