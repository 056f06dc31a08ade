import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { redirect } from "next/navigation";
import { authOptions, sessionCookieName } from "./next-auth";
import { hasSitePermission, type Actor, type SitePermission } from "./permissions";
import { loadSessionActor } from "./sessions";

/** The session cookie's claims, or null (absent, tampered with or expired). No database access. */
async function readSessionClaims() {
  const store = await cookies();
  const name = sessionCookieName();
  // next-auth splits large cookies into name.0, name.1, …; ours are small, but read both forms.
  const parts = store.getAll().filter((c) => c.name === name || c.name.startsWith(`${name}.`));
  if (!parts.length) return null;
  const token = parts.sort((a, b) => a.name.localeCompare(b.name, "en", { numeric: true })).map((c) => c.value).join("");
  try {
    return await decode({ token, secret: authOptions.secret! });
  } catch {
    return null;
  }
}

/**
 * The signed-in, still-active user whose session has not ended, or null. Memoized for one render
 * (the page and the UI language both ask; lib/i18n/request.ts); uncached in actions and routes.
 */
export const getActor = cache(async (): Promise<Actor | null> => loadSessionActor(await readSessionClaims()));

/**
 * Page guard: signs the visitor in first, then checks a site permission. Project pages use
 * requireProjectPage (lib/projects/page-access.ts), which checks the project permission.
 */
export async function requirePageActor(permission?: SitePermission): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (permission && !hasSitePermission(actor.role, permission)) redirect("/forbidden");
  return actor;
}
