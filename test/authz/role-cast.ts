import { seedProject, seedUser } from "@/lib/seed/factories";
import { getDb } from "@/lib/db/client";
import { seedStudy } from "@/test/support/study";

// The people every authorization test asks about, in one seeded study (decision 022):
// researcher: a researcher account, analyst of the project; manager and adjudicator: reviewer accounts
// given those project roles (project roles do not depend on the site role); outsider: a researcher
// account with no part in the project; otherManager: manages another project only.
export type Who = "anonymous" | "admin" | "reviewer" | "otherReviewer" | "researcher" | "outsider" | "manager" | "adjudicator" | "otherManager";
export const WHO: Who[] = ["anonymous", "admin", "reviewer", "otherReviewer", "researcher", "outsider", "manager", "adjudicator", "otherManager"];

export type Study = Awaited<ReturnType<typeof seedStudy>>;
export type SeededUser = Study["admin"];

export async function seedRoleCast() {
  const study = await seedStudy({ items: 2 });
  const [manager, adjudicator, otherManager] = [await seedUser({ role: "REVIEWER" }), await seedUser({ role: "REVIEWER" }), await seedUser({ role: "RESEARCHER" })];
  const other = await seedProject(study.admin.id, {});
  await getDb().projectMember.createMany({
    data: [
      { projectId: study.project.id, userId: manager.id, role: "MANAGER" },
      { projectId: study.project.id, userId: adjudicator.id, role: "ADJUDICATOR" },
      { projectId: other.id, userId: otherManager.id, role: "MANAGER" },
    ],
  });
  const users: Record<Who, SeededUser | null> = {
    anonymous: null, admin: study.admin, reviewer: study.reviewers[0], otherReviewer: study.reviewers[1], researcher: study.researcher, outsider: study.outsider, manager, adjudicator, otherManager,
  };
  return { study, otherProjectSlug: other.slug, userOf: (who: Who) => users[who] };
}

/** A server action's FormData; an array value becomes repeated fields. */
export function form(values: Record<string, string | string[]>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) for (const x of [v].flat()) fd.append(k, x);
  return fd;
}
