import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError, rolesGranting, type Actor } from "@/lib/auth/permissions";
import { projectScope } from "@/lib/projects/access";
import { resolveImagePath } from "./images";
import { vqaInputSchema } from "./schema";

const TYPES: Record<string, string> = { ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp", ".svg": "image/svg+xml", ".dcm": "application/dicom" };

/** Items the actor may see: admins all; members who may read the project its items; anyone the items assigned to them. */
export function canSeeItem(actor: Actor): Prisma.ItemWhereInput {
  if (actor.role === "ADMIN") return {};
  return { OR: [{ project: projectScope(actor, "project:read") }, { assignments: { some: { reviewerId: actor.id } } }] };
}

/**
 * The n-th image of an item, by item id and position: the URL the review page uses, so a reviewer
 * never sees stored file names (they can carry the source, import position or, per response, the
 * model; issue 7). Same visibility rule as below. Remote (https) images are not served from here.
 */
export async function loadItemImageForActor(actor: Actor, itemId: string, index: number): Promise<{ body: Buffer; contentType: string }> {
  const item = await getDb().item.findFirst({ where: { id: itemId, kind: "VQA", ...canSeeItem(actor) }, select: { input: true } });
  const src = item ? vqaInputSchema.safeParse(item.input).data?.images[index]?.src : undefined;
  const full = src ? resolveImagePath(src) : null;
  if (!full) throw new NotFoundError("Image not found.");
  return readImage(full);
}

async function readImage(full: string) {
  const body = await readFile(full).catch(() => {
    throw new NotFoundError("Image not found.");
  });
  return { body, contentType: TYPES[path.extname(full).toLowerCase()] ?? "application/octet-stream" };
}

/**
 * An image file is served only to someone who may see an item that references it: admins,
 * members whose project role may read the item's project, or a reviewer with an assignment on it
 * (project membership alone does not show a reviewer items they were not given). Else "not found".
 */
export async function loadImageForActor(actor: Actor, relativePath: string): Promise<{ body: Buffer; contentType: string }> {
  const full = resolveImagePath(relativePath);
  if (!full) throw new NotFoundError("Image not found.");
  const reference = JSON.stringify([{ src: relativePath }]);
  const rows = await getDb().$queryRaw<Array<{ ok: number }>>`
    SELECT 1 AS ok FROM "Item" i
    WHERE i.kind = 'VQA' AND i.input->'images' @> ${reference}::jsonb
      AND (${actor.role === "ADMIN"}
        OR EXISTS (SELECT 1 FROM "ProjectMember" m WHERE m."projectId" = i."projectId" AND m."userId" = ${actor.id} AND m.role::text = ANY(${rolesGranting("project:read")}::text[]))
        OR EXISTS (SELECT 1 FROM "Assignment" a WHERE a."itemId" = i.id AND a."reviewerId" = ${actor.id}))
    LIMIT 1`;
  if (!rows.length) throw new NotFoundError("Image not found.");
  return readImage(full);
}
