import { createHmac } from "node:crypto";

/** Stable per project, not reversible without the project's salt (which never leaves the database). */
export function pseudonymizeReviewer(projectSalt: string, userId: string): string {
  return "R-" + createHmac("sha256", projectSalt).update(userId).digest("hex").slice(0, 10);
}
