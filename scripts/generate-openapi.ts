/**
 * Writes docs/openapi.json from the zod schemas of the API (lib/api/openapi). Run after changing a
 * route, its parameters or its answers: `npm run docs:openapi`; lib/api/openapi/render-openapi.test.ts
 * fails while the committed file is out of date.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { OPENAPI_PATH, renderOpenApiJson } from "@/lib/api/openapi/render-openapi";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
writeFileSync(path.join(root, OPENAPI_PATH), renderOpenApiJson());
console.log(`Wrote ${OPENAPI_PATH}.`);
