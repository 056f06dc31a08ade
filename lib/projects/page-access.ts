import "server-only";
import { notFound, redirect } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError, type ProjectPermission } from "@/lib/auth/permissions";
import { findProjectForActor } from "./access";

/**
 * The guard of every project page: signs the visitor in, then loads the project if they hold the
 * permission in it. A project they have no part in is a 404; one where their role falls short
 * sends them to the forbidden page.
 */
export async function requireProjectPage(slug: string, permission: ProjectPermission) {
  const actor = await requirePageActor();
  const project = await findProjectForActor(actor, slug, permission).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) redirect("/forbidden");
    throw error;
  });
  return { actor, project };
}
