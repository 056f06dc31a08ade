import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OPERATIONS } from "./operations";
import { buildOpenApiDocument, openApiPathOf } from "./render-openapi";

// Conformance: every route file under app/api/v1 and every method it exports is in the document,
// with the scope its handler really checks (withApiAuth attaches `permission` to the handler),
// and the document describes no route that does not exist. A new route cannot be forgotten.

const apiRoot = path.resolve(import.meta.dirname, "../../../app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [path.relative(apiRoot, dir).split(path.sep).join("/")] : [];
  });
}

describe("the OpenAPI document covers every /api/v1 route", () => {
  const routes = routeFiles(apiRoot).sort();

  it("finds the route files", () => {
    expect(routes).toEqual(expect.arrayContaining(["projects", "projects/[slug]/items", "projects/[slug]/annotations", "openapi.json", "images/[...path]"]));
  });

  it("documents each exported method with the permission its handler checks, and nothing else", async () => {
    const doc = buildOpenApiDocument();
    const exported: string[] = [];
    for (const route of routes) {
      const mod = (await import(/* @vite-ignore */ path.join(apiRoot, route, "route.ts"))) as Record<string, unknown>;
      for (const method of METHODS) {
        const handler = mod[method] as ((...args: unknown[]) => unknown) & { permission?: string } | undefined;
        if (!handler) continue;
        exported.push(`${method.toLowerCase()} ${route}`);
        const op = OPERATIONS.find((o) => o.route === route && o.method === method.toLowerCase());
        expect(op, `${method} ${route} is not in lib/api/openapi/operations.ts`).toBeDefined();
        expect([method, route, op!.permission]).toEqual([method, route, handler.permission ?? null]);
        const documented = (doc.paths as Record<string, Record<string, { security: { bearerAuth?: string[] }[] }>>)[openApiPathOf(route)]?.[method.toLowerCase()];
        expect(documented, `${method} ${openApiPathOf(route)} missing from the document`).toBeDefined();
        expect([method, route, documented.security]).toEqual([method, route, handler.permission ? [{ bearerAuth: [handler.permission] }] : []]);
      }
    }
    expect(OPERATIONS.map((o) => `${o.method} ${o.route}`).sort()).toEqual(exported.sort());
  });

  it("serves the document at GET /api/v1/openapi.json without credentials, cacheable", async () => {
    const { GET } = await import("@/app/api/v1/openapi.json/route");
    const res = GET();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=3600");
    expect(await res.json()).toEqual(buildOpenApiDocument());
  });
});
