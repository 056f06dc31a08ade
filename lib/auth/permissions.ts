import type { ProjectRole, Role } from "@/lib/generated/prisma/enums";

// The one table of who may do what (STYLE.md), in two parts (docs/decisions/022-project-roles.md).
//
// Site permissions depend on the account's site role alone. Project permissions depend on the
// member's role in that project: a site admin holds them in every project; anyone else only where
// their membership grants them, so one physician can review in one study, adjudicate in another
// and manage a third without being a site admin. Entry-point wrappers check site permissions and
// that someone is signed in; project permissions are checked where the project is loaded
// (lib/projects/access.ts), which needs the project. The UI may read the tables only to hide
// controls.
export const SITE_PERMISSIONS = {
  "user:manage": ["ADMIN"],
  "project:create": ["ADMIN"],
  /** Working on one's own assignments; whose they are is checked where the assignment is loaded. */
  "assignment:work": ["ADMIN", "REVIEWER", "RESEARCHER"],
  /** Ownership (an item the caller may see references the image) is checked in lib/items/image-access.ts. */
  "image:read": ["ADMIN", "RESEARCHER", "REVIEWER"],
  "audit:read": ["ADMIN"],
  /** One's own account: password change and API tokens. */
  "account:manage": ["ADMIN", "REVIEWER", "RESEARCHER"],
} as const satisfies Record<string, readonly Role[]>;

export const PROJECT_PERMISSIONS = {
  /** The project's pages, results, scores and report. Reviewers reach items only through assignments. */
  "project:read": ["MANAGER", "ADJUDICATOR", "ANALYST"],
  /** Settings, details, members, segmentations. */
  "project:manage": ["MANAGER"],
  /** Items, images, argument corpora and LLM-judge results (lib/judges). */
  "item:import": ["MANAGER"],
  "batch:assign": ["MANAGER"],
  "batch:progress": ["MANAGER"],
  /** The item browser: every item with all its reviewers' annotations side by side, named (data managers). */
  "item:browse": ["MANAGER"],
  "export:read": ["MANAGER", "ANALYST"],
  /** Reviewers named (not pseudonymized) in exports and on adjudication pages. */
  "reviewer:identify": ["MANAGER"],
  /** The disagreement queue and consensus annotations (reviewer names only for managers). */
  "item:adjudicate": ["MANAGER", "ADJUDICATOR"],
} as const satisfies Record<string, readonly ProjectRole[]>;

export type SitePermission = keyof typeof SITE_PERMISSIONS;
export type ProjectPermission = keyof typeof PROJECT_PERMISSIONS;
export type Permission = SitePermission | ProjectPermission;

/** `locale`: the user's chosen UI language, null to follow the browser (lib/i18n). */
export type Actor = { id: string; role: Role; email: string; name: string; locale?: string | null };

/** What one actor holds in one project: their site role and their membership's role, if any. */
export type ProjectAccess = { siteRole: Role; projectRole: ProjectRole | null };

export function isProjectPermission(permission: Permission): permission is ProjectPermission {
  return Object.hasOwn(PROJECT_PERMISSIONS, permission);
}

export function hasSitePermission(role: Role, permission: SitePermission): boolean {
  return (SITE_PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Site admins hold every project permission; others what their project role grants. */
export function allows(access: ProjectAccess, permission: ProjectPermission): boolean {
  if (access.siteRole === "ADMIN") return true;
  return access.projectRole !== null && (PROJECT_PERMISSIONS[permission] as readonly ProjectRole[]).includes(access.projectRole);
}

/** The project roles that grant a permission (for queries over memberships). */
export function rolesGranting(permission: ProjectPermission): ProjectRole[] {
  return [...PROJECT_PERMISSIONS[permission]];
}

export class ForbiddenError extends Error {
  readonly status = 403;
  constructor(message = "You do not have permission to do that.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

export class NotFoundError extends Error {
  readonly status = 404;
  constructor(message = "Not found.") {
    super(message);
    this.name = "NotFoundError";
  }
}

export function requireSignedIn(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new ForbiddenError("Sign in first.");
}

/**
 * The wrappers' check. A site permission is decided here; a project permission needs the project,
 * so here it only needs a signed-in actor and is decided by lib/projects/access.ts.
 */
export function requirePermission(actor: Actor | null, permission: Permission): asserts actor is Actor {
  requireSignedIn(actor);
  if (!isProjectPermission(permission) && !hasSitePermission(actor.role, permission)) throw new ForbiddenError();
}
