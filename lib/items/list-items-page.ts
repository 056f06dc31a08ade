import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { allows, ForbiddenError, type Actor } from "@/lib/auth/permissions";
import { decodeCursor, pageOf, type Page } from "@/lib/api/cursor";
import { listItemsQuerySchema, type ItemSummary } from "@/lib/api/list-schemas";
import type { ItemKind } from "@/lib/generated/prisma/enums";
import { findProjectForActor } from "@/lib/projects/access";

const keySchema = z.tuple([z.string()]);

/**
 * A project's items by external id (unique per project: the keyset reads the
 * (projectId, externalId) unique index, no tie-breaker needed). With include=content the item's
 * input, reference and responses with their model names: de-blinded data, so only for roles that
 * may export the project (the study team), whatever the route's own permission.
 */
export async function listItemsPage(actor: Actor, slug: string, query: Record<string, string | undefined>): Promise<Page<ItemSummary>> {
  const q = listItemsQuerySchema.parse(query);
  const withContent = q.include === "content";
  const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor, keySchema)[0];
  const project = await findProjectForActor(actor, slug, "project:read");
  if (withContent && !allows(project.access, "export:read")) {
    throw new ForbiddenError("Item content names the models; it is for those who may export the project (managers and analysts). Leave out include=content.");
  }
  const rows = await getDb().item.findMany({
    where: {
      projectId: project.id,
      ...(q.kind ? { kind: q.kind.toUpperCase() as ItemKind } : {}),
      ...(after !== undefined ? { externalId: { gt: after } } : {}),
    },
    orderBy: { externalId: "asc" },
    take: q.limit + 1,
    select: {
      externalId: true,
      kind: true,
      language: true,
      specialty: true,
      isGold: true,
      createdAt: true,
      ...(withContent
        ? { input: true, reference: true, responses: { orderBy: { position: "asc" }, select: { label: true, modelName: true, content: true, reasoning: true, answer: true } } }
        : {}),
    },
  });
  return pageOf(rows, q.limit, (i) => [i.externalId], (i) => ({
    externalId: i.externalId,
    kind: i.kind.toLowerCase() as ItemSummary["kind"],
    language: i.language,
    specialty: i.specialty,
    isGold: i.isGold,
    createdAt: i.createdAt.toISOString(),
    ...(withContent
      ? {
          input: i.input,
          reference: i.reference ?? null,
          responses: (i.responses ?? []).map((r) => ({ label: r.label, modelName: r.modelName, content: r.content, reasoning: r.reasoning, answer: r.answer ?? null })),
        }
      : {}),
  }));
}
