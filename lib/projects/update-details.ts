import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import { requireProjectPermission } from "@/lib/projects/access";
import { assertProjectOpen } from "./archive";
import { ConflictError } from "@/lib/auth/users";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { createProjectSchema } from "./schema";

// A project's name, guidelines, reviewers per item, blinding and order randomization after creation
// (issue 10). Name and guidelines change at any time (reviewers see new guidelines on their next
// page). Reviewers per item is the default of the next batch; batches already built keep theirs.
// Blinding and randomized order are the study's design: once any batch has been assigned, reviewers
// have worked under them (and their screens' response orders were stored accordingly), so they are
// locked, with the reason shown, and a change is refused on the server too.

export const projectDetailsSchema = createProjectSchema.pick({ name: true, guidelines: true, reviewersPerItem: true, blinded: true, randomizeOrder: true });
export type ProjectDetails = z.output<typeof projectDetailsSchema>;

export type DesignLock = { locked: boolean; reason: string | null };

async function designLock(db: Db | Tx, projectId: string): Promise<DesignLock> {
  const [assignments, batches] = await Promise.all([
    db.assignment.count({ where: { batch: { projectId } } }),
    db.batch.count({ where: { projectId } }),
  ]);
  if (!assignments) return { locked: false, reason: null };
  return {
    locked: true,
    reason: `Reviewing has started (${assignments} assignment(s) in ${batches} batch(es)): blinding and randomized order are part of the study's design and stay as they were. Start a new project to change them.`,
  };
}

/** Whether blinding and order randomization can still change, and if not why. */
export function loadDesignLock(projectId: string): Promise<DesignLock> {
  return designLock(getDb(), projectId);
}

export async function updateProjectDetails(actor: Actor, projectId: string, input: z.input<typeof projectDetailsSchema>) {
  await requireProjectPermission(actor, projectId, "project:manage");
  await assertProjectOpen(getDb(), projectId);
  const details = projectDetailsSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    // Lock the project row so a batch built meanwhile cannot slip between the check and the change.
    await tx.$queryRaw`SELECT id FROM "Project" WHERE id = ${projectId} FOR UPDATE`;
    const before = await tx.project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true, guidelines: true, reviewersPerItem: true, blinded: true, randomizeOrder: true } });
    const changed = (Object.keys(details) as Array<keyof ProjectDetails>).filter((k) => details[k] !== before[k]);
    if (!changed.length) return { changed };
    if (changed.includes("blinded") || changed.includes("randomizeOrder")) {
      const lock = await designLock(tx, projectId);
      if (lock.locked) throw new ConflictError(lock.reason!);
    }
    await tx.project.update({ where: { id: projectId }, data: details });
    await recordAudit(
      {
        actorId: actor.id,
        action: "project.details",
        entityType: "Project",
        entityId: projectId,
        projectId,
        data: { changed, before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: Object.fromEntries(changed.map((k) => [k, details[k]])) },
      },
      tx,
    );
    return { changed };
  });
}
