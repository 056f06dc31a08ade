import { z } from "zod";

// The project roles as the UI and CLI name them (client-safe: no database import).
export const MEMBER_ROLES = ["MANAGER", "REVIEWER", "ADJUDICATOR", "ANALYST"] as const;
export const memberRoleSchema = z.enum(MEMBER_ROLES, { error: "role must be manager, reviewer, adjudicator or analyst." });
export type MemberRole = z.infer<typeof memberRoleSchema>;

export const PROJECT_ROLE_LABELS: Record<MemberRole, { name: string; does: string }> = {
  MANAGER: { name: "Manager", does: "settings, members, imports, batches, progress, item browser, exports, adjudication" },
  REVIEWER: { name: "Reviewer", does: "reviews the items assigned to them" },
  ADJUDICATOR: { name: "Adjudicator", does: "results and the disagreement queue; records consensus (reviewers anonymized)" },
  ANALYST: { name: "Analyst", does: "results, agreement, report and exports (reviewers pseudonymized)" },
};
