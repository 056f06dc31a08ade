import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { authenticateApiToken } from "@/lib/auth/api-tokens";
import { getActor } from "@/lib/auth/session";
import { ForbiddenError, requirePermission, type Actor, type Permission } from "@/lib/auth/permissions";
import type { ApiScope } from "@/lib/auth/token-scopes";
import { crossSiteProblem } from "./same-origin";
import { mapKnownError } from "./map-error";
import { ApiError, DEFAULT_JSON_LIMIT, readBodyText } from "./read-json-body";

export { ApiError };

/** Bearer token (hashed lookup) or the session cookie; null when neither identifies an active user. */
async function identify(req: NextRequest): Promise<{ actor: Actor | null; via: "token" | "cookie"; scopes?: string[] }> {
  const header = req.headers.get("authorization");
  if (header?.startsWith("Bearer ")) {
    const found = await authenticateApiToken(header.slice(7).trim());
    return { actor: found?.actor ?? null, via: "token", scopes: found?.scopes };
  }
  return { actor: await getActor(), via: "cookie" };
}

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof ApiError) return NextResponse.json({ error: error.message }, { status: error.status });
  if (error instanceof ForbiddenError) return NextResponse.json({ error: error.message }, { status: error.message === "Sign in first." ? 401 : 403 });
  if (error instanceof z.ZodError) {
    return NextResponse.json({ error: "Invalid request.", issues: error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) }, { status: 400 });
  }
  const known = mapKnownError(error);
  if (known) return NextResponse.json({ error: known.message }, { status: known.status });
  console.error(error);
  return NextResponse.json({ error: "Internal error." }, { status: 500 });
}

const mediaType = (req: NextRequest) => req.headers.get("content-type")?.split(";")[0].trim().toLowerCase() ?? "";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

type Ctx<P> = { params: Promise<P> };
type Options<B> = {
  /** The route reads a JSON body: it must be sent as application/json and parse with this schema. */
  json?: z.ZodType<B>;
  /**
   * The route reads a raw body of one of these media types (e.g. text/csv); any other declared type
   * is 415. A body without a Content-Type is let through to the route (which decides by file name or
   * sniffs it): HTML forms always declare one, so a missing type never comes from a cross-site form.
   */
  accepts?: readonly string[];
  /** Largest JSON body read (413 beyond; read in chunks and abandoned at the cap). Default 256 KB. */
  maxBytes?: number;
};

/**
 * The one wrapper for route handlers: identify (token or cookie), refuse cross-site cookie
 * requests, check the token's scope and the permission table, check the body's type and parse
 * it, and map errors to plain-worded statuses. `permission` is also the token scope required.
 */
export function withApiAuth<P, B = undefined>(
  permission: Permission & ApiScope,
  handler: (req: NextRequest, actor: Actor, params: P, body: B) => Promise<Response>,
  options: Options<B> = {},
) {
  const route = async (req: NextRequest, ctx: Ctx<P>): Promise<Response> => {
    try {
      const { actor, via, scopes } = await identify(req);
      // Browsers attach cookies to requests other sites start; tokens they never send on their own.
      if (via === "cookie" && actor && !SAFE_METHODS.has(req.method)) {
        const problem = crossSiteProblem(req.headers);
        if (problem) throw new ApiError(403, problem);
      }
      requirePermission(actor, permission);
      if (via === "token" && !scopes?.includes(permission)) {
        throw new ForbiddenError(`This API token lacks the "${permission}" scope; create a token with it on your account page.`);
      }
      let body = undefined as B;
      if (options.json) {
        if (mediaType(req) !== "application/json") throw new ApiError(415, "Send the request body as JSON with Content-Type: application/json.");
        const text = await readBodyText(req, options.maxBytes ?? DEFAULT_JSON_LIMIT);
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          throw new ApiError(400, "The request body is not valid JSON.");
        }
        body = options.json.parse(parsed);
      } else if (options.accepts && mediaType(req) && !options.accepts.includes(mediaType(req))) {
        throw new ApiError(415, `Send the body with Content-Type ${options.accepts.join(", ")} (got ${mediaType(req) || "none"}).`);
      }
      return await handler(req, actor, await ctx.params, body);
    } catch (error) {
      return errorResponse(error);
    }
  };
  return Object.assign(route, { permission });
}
