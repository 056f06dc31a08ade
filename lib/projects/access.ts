import { getDb } from "@/lib/db/client";
import type { Prisma, Project } from "@/lib/generated/prisma/client";
import type { ProjectRole } from "@/lib/generated/prisma/enums";
import { allows, ForbiddenError, NotFoundError, rolesGranting, type Actor, type ProjectAccess, type ProjectPermission } from "@/lib/auth/permissions";

// Project permissions are decided here, where the project is loaded (docs/decisions/022-project-roles.md).
// A project the actor has no part in is "not found", never "forbidden", so a slug's existence does
// not leak; a member whose project role lacks the permission is "forbidden" (they know the project).

/** Projects where the actor holds the permission (site admins: all), as a Prisma filter. */
export function projectScope(actor: Actor, permission: ProjectPermission = "project:read"): Prisma.ProjectWhereInput {
  return actor.role === "ADMIN" ? {} : { members: { some: { userId: actor.id, role: { in: rolesGranting(permission) } } } };
}

function accessOf(actor: Actor, membership: { role: ProjectRole } | undefined): ProjectAccess {
  return { siteRole: actor.role, projectRole: membership?.role ?? null };
}

function check(actor: Actor, access: ProjectAccess, permission: ProjectPermission, what: string) {
  if (actor.role !== "ADMIN" && access.projectRole === null) throw new NotFoundError(`${what} not found.`);
  if (!allows(access, permission)) throw new ForbiddenError();
}

export type ProjectWithAccess = Project & { access: ProjectAccess };

/** The project by slug when the actor holds the permission in it, with what they hold (for the UI). */
export async function findProjectForActor(actor: Actor, slug: string, permission: ProjectPermission): Promise<ProjectWithAccess> {
  const project = await getDb().project.findUnique({
    where: { slug },
    include: { members: { where: { userId: actor.id }, select: { role: true } } },
  });
  if (!project) throw new NotFoundError(`Project "${slug}" not found.`);
  const { members, ...rest } = project;
  const access = accessOf(actor, members[0]);
  check(actor, access, permission, `Project "${slug}"`);
  return { ...rest, access };
}

/** The same check by project id, for lib functions handed an id. Returns what the actor holds. */
export async function requireProjectPermission(actor: Actor, projectId: string, permission: ProjectPermission): Promise<ProjectAccess> {
  if (actor.role === "ADMIN") {
    const exists = await getDb().project.count({ where: { id: projectId } });
    if (!exists) throw new NotFoundError("Project not found.");
    return accessOf(actor, undefined);
  }
  const membership = await getDb().projectMember.findUnique({ where: { projectId_userId: { projectId, userId: actor.id } }, select: { role: true } });
  const access = accessOf(actor, membership ?? undefined);
  check(actor, access, permission, "Project");
  return access;
}

/** Whether the actor holds the permission in the project (for optional sections, such as gold accuracy). */
export async function holdsProjectPermission(actor: Actor, projectId: string, permission: ProjectPermission): Promise<boolean> {
  return requireProjectPermission(actor, projectId, permission).then(
    () => true,
    (error) => (error instanceof ForbiddenError || error instanceof NotFoundError ? false : Promise.reject(error)),
  );
}

/**
 * Which parts of the site the navigation offers: the review queue (reviewer and admin accounts,
 * or anyone a project made a reviewer) and the projects list (admins, or anyone whose project
 * role may read a project). One read of the actor's distinct project roles.
 */
export async function loadNavigationReach(actor: Actor): Promise<{ reviews: boolean; projects: boolean }> {
  if (actor.role === "ADMIN") return { reviews: true, projects: true };
  const roles = new Set((await getDb().projectMember.findMany({ where: { userId: actor.id }, select: { role: true }, distinct: ["role"] })).map((m) => m.role));
  const reading = rolesGranting("project:read");
  return { reviews: actor.role === "REVIEWER" || roles.has("REVIEWER"), projects: actor.role === "RESEARCHER" || reading.some((r) => roles.has(r)) };
}

/** The projects page's list: archived projects only when asked (lib/projects/archive.ts). */
export function listProjectsForActor(actor: Actor, opts: { archived?: boolean } = {}) {
  return getDb().project.findMany({
    where: { ...projectScope(actor), status: opts.archived ? "ARCHIVED" : { not: "ARCHIVED" } },
    orderBy: { createdAt: "desc" },
    include: { _count: { select: { items: true, batches: true } } },
  });
}

export function listProjectMembers(projectId: string) {
  return getDb().projectMember.findMany({
    where: { projectId },
    include: { user: { select: { id: true, name: true, email: true, role: true, isActive: true } } },
    orderBy: { createdAt: "asc" },
  });
}

/**
 * The ids of a project's batches (or of the one asked for) when the actor holds the permission in
 * the project. Analyses filter annotations by these ids instead of joining Batch (see
 * lib/export/annotation-records.ts).
 */
export async function findVisibleBatchIds(actor: Actor, projectId: string, permission: ProjectPermission, batchId?: string): Promise<string[]> {
  await requireProjectPermission(actor, projectId, permission);
  const batches = await getDb().batch.findMany({ where: { projectId, ...(batchId !== undefined ? { id: batchId } : {}) }, select: { id: true } });
  if (batchId !== undefined && !batches.length) throw new NotFoundError("Batch not found.");
  return batches.map((b) => b.id);
}
