import type { Role } from "@/lib/generated/prisma/enums";

// The one table of who may do what (STYLE.md). Server entry points check it through
// requirePermission; the UI may read it only to hide controls. Ownership (membership,
// assignment owner) is checked separately where the data is loaded.
export const PERMISSIONS = {
  "user:manage": ["ADMIN"],
  "project:create": ["ADMIN"],
  "project:read": ["ADMIN", "RESEARCHER"],
  "project:manage": ["ADMIN"],
  /** Items, argument corpora and LLM-judge results (lib/judges). */
  "item:import": ["ADMIN"],
  "batch:assign": ["ADMIN"],
  "batch:progress": ["ADMIN"],
  /** The item browser: every item with all its reviewers' annotations side by side, named (data managers). */
  "item:browse": ["ADMIN"],
  "assignment:work": ["REVIEWER", "ADMIN"],
  /** Ownership (an item the caller may see references the image) is checked in lib/items/image-access.ts. */
  "image:read": ["ADMIN", "RESEARCHER", "REVIEWER"],
  "export:read": ["ADMIN", "RESEARCHER"],
  "audit:read": ["ADMIN"],
  /** One's own account: password change and API tokens. */
  "account:manage": ["ADMIN", "REVIEWER", "RESEARCHER"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export type Actor = { id: string; role: Role; email: string; name: string };

export function hasPermission(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
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

export function requirePermission(actor: Actor | null, permission: Permission): asserts actor is Actor {
  if (!actor) throw new ForbiddenError("Sign in first.");
  if (!hasPermission(actor.role, permission)) throw new ForbiddenError();
}
