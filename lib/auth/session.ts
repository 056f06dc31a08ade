import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "./next-auth";
import { loadActor } from "./login";
import { hasPermission, type Actor, type Permission } from "./permissions";

/** The signed-in, still-active user, or null. */
export async function getActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  return id ? loadActor(id) : null;
}

/** Page guard: signs the visitor in first, then checks the permission table. */
export async function requirePageActor(permission?: Permission): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (permission && !hasPermission(actor.role, permission)) redirect("/forbidden");
  return actor;
}
