import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { hashApiToken } from "@/lib/auth/api-tokens";
import { getActor } from "@/lib/auth/session";
import { loadActor } from "@/lib/auth/login";
import { ForbiddenError, NotFoundError, requirePermission, type Actor, type Permission } from "@/lib/auth/permissions";
import { ConflictError } from "@/lib/auth/users";
import { HttpError } from "./read-json-body";

/** Bearer token (hashed lookup) or the session cookie; null when neither identifies an active user. */
async function actorFromRequest(req: NextRequest): Promise<Actor | null> {
  const header = req.headers.get("authorization");
  if (header?.startsWith("Bearer ")) {
    const tokenHash = hashApiToken(header.slice(7).trim());
    const token = await getDb().apiToken.findUnique({ where: { tokenHash } });
    if (!token || token.revokedAt || (token.expiresAt && token.expiresAt < new Date())) return null;
    await getDb().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
    return loadActor(token.userId);
  }
  return getActor();
}

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof ForbiddenError) return NextResponse.json({ error: error.message }, { status: error.message === "Sign in first." ? 401 : 403 });
  if (error instanceof NotFoundError) return NextResponse.json({ error: error.message }, { status: 404 });
  if (error instanceof ConflictError) return NextResponse.json({ error: error.message }, { status: 409 });
  if (error instanceof HttpError) return NextResponse.json({ error: error.message }, { status: error.status });
  if (error instanceof z.ZodError) {
    return NextResponse.json({ error: "Invalid request.", issues: error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) }, { status: 400 });
  }
  console.error(error);
  return NextResponse.json({ error: "Internal error." }, { status: 500 });
}

type Ctx<P> = { params: Promise<P> };

/** The one wrapper for route handlers: identify, check the permission table, map errors. */
export function withApiAuth<P>(
  permission: Permission,
  handler: (req: NextRequest, actor: Actor, params: P) => Promise<Response>,
) {
  return async (req: NextRequest, ctx: Ctx<P>): Promise<Response> => {
    try {
      const actor = await actorFromRequest(req);
      requirePermission(actor, permission);
      return await handler(req, actor, await ctx.params);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
