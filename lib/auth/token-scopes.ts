import type { Role } from "@/lib/generated/prisma/enums";
import { hasSitePermission, isProjectPermission, type Permission } from "./permissions";

// API token scopes are entries of the permission table: the ones some /api/v1 route checks
// (test/authz/authorization-matrix.db.test.ts proves every route's permission is listed here).
// A token may carry only scopes its owner's role has, and is re-checked against the role on every
// use, so it can never do more than its owner.
export const API_SCOPES = {
  "project:read": "read projects and their scores",
  "export:read": "export annotations",
  "item:import": "import items and upload images",
  "assignment:work": "save, submit and skip your own assigned reviews",
  "image:read": "view images of items you may see",
  "audit:read": "read the audit log (admins)",
} as const satisfies Partial<Record<Permission, string>>;

export type ApiScope = keyof typeof API_SCOPES;

export function isApiScope(value: string): value is ApiScope {
  return Object.hasOwn(API_SCOPES, value);
}

/**
 * The scopes a token of this role may carry: its site permissions, and every project permission
 * (which a token can use only in projects where its owner's project role grants it, checked on
 * every use; project roles change, so the token does not freeze them).
 */
export function scopesForRole(role: Role): ApiScope[] {
  return (Object.keys(API_SCOPES) as ApiScope[]).filter((scope) => isProjectPermission(scope) || hasSitePermission(role, scope));
}
