import { buildOpenApiDocument } from "@/lib/api/openapi/render-openapi";

// Public and the same for everyone (no auth, no data): rendered once at build time and cacheable.
export const dynamic = "force-static";

/** The OpenAPI 3.1 document of /api/v1 (the same as docs/openapi.json). */
export function GET(): Response {
  return Response.json(buildOpenApiDocument(), { headers: { "Cache-Control": "public, max-age=3600" } });
}
