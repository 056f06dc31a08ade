import { getDb } from "@/lib/db/client";

export type ReviewerCandidate = { id: string; name: string; specialty: string | null };

/**
 * Whom the new-batch form offers: the project's reviewer members first (any account the project
 * made a reviewer), then the site's other active reviewer accounts, apart and unticked (issue 10).
 */
export async function listReviewerCandidates(projectId: string): Promise<{ members: ReviewerCandidate[]; others: ReviewerCandidate[] }> {
  const select = { id: true, name: true, specialty: true } as const;
  const [members, others] = await Promise.all([
    getDb().user.findMany({ where: { isActive: true, memberships: { some: { projectId, role: "REVIEWER" } } }, select, orderBy: { name: "asc" } }),
    getDb().user.findMany({ where: { isActive: true, role: "REVIEWER", memberships: { none: { projectId, role: "REVIEWER" } } }, select, orderBy: { name: "asc" } }),
  ]);
  return { members, others };
}
