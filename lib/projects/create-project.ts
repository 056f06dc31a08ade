import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError } from "@/lib/auth/users";
import { Prisma } from "@/lib/generated/prisma/client";
import { createRubricFromTemplate } from "@/lib/rubrics/create-rubric";
import { findTemplate } from "@/lib/rubrics/templates";
import { createProjectSchema, type CreateProjectInput } from "./schema";

/** Creates a project with its first rubric (from a built-in template) and the creator as owner. */
export async function createProject(actorId: string, input: CreateProjectInput) {
  const data = createProjectSchema.parse(input);
  const template = findTemplate(data.template);
  if (!template) throw new ConflictError(`Unknown rubric template "${data.template}".`);
  try {
    return await getDb().$transaction(async (tx) => {
      const project = await tx.project.create({
        data: {
          name: data.name,
          slug: data.slug,
          guidelines: data.guidelines,
          blinded: data.blinded,
          randomizeOrder: data.randomizeOrder,
          reviewersPerItem: data.reviewersPerItem,
          settings: data.settings,
          pseudonymSalt: randomBytes(16).toString("hex"),
          createdById: actorId,
          members: { create: { userId: actorId, role: "MANAGER" } },
        },
      });
      await createRubricFromTemplate(tx, project.id, template);
      await recordAudit(
        { actorId, action: "project.create", entityType: "Project", entityId: project.id, projectId: project.id, data: { template: template.key } },
        tx,
      );
      return project;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError(`A project with slug "${data.slug}" already exists.`);
    }
    throw error;
  }
}
