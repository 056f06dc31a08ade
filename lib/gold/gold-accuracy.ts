import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { withDocumentDefaults } from "@/lib/annotations/schema";
import { goldSchema, type Gold } from "@/lib/items/schema";
import { findVisibleBatchIds } from "@/lib/projects/access";
import { compareWithGold } from "./compare-with-gold";

// Reviewer accuracy on gold items (quality control): how many known answers each reviewer
// reproduced in their submitted annotations. Admin-only, like batch progress: it names reviewers.

export const PAGE_SIZE = 500;

export type GoldAccuracyRow = {
  reviewerId: string;
  reviewerName: string;
  reviewerEmail: string;
  /** Submitted assignments on gold items. */
  goldItems: number;
  /** Gold values compared across those assignments. */
  compared: number;
  correct: number;
  /** correct ÷ compared; null when nothing could be compared. */
  accuracy: number | null;
};

export type GoldItem = { gold: Gold; labelToResponseId: Record<string, string> };

export async function loadGoldAccuracy(actor: Actor, projectId: string, opts: { batchId?: string } = {}): Promise<GoldAccuracyRow[]> {
  const db = getDb();
  const batchIds = await findVisibleBatchIds(actor, projectId, "batch:progress", opts.batchId);
  const goldItems = await loadGoldItems(projectId);
  if (!goldItems.size || !batchIds.length) return [];

  const rows = new Map<string, GoldAccuracyRow>();
  let cursor: string | undefined;
  // Keyset pages by id, as the export does, so a large study never loads every annotation at once.
  for (;;) {
    const page = await db.annotation.findMany({
      where: {
        kind: "REVIEW",
        submittedAt: { not: null },
        // A relation filter, not an id list: one bound parameter per gold item breaks past ~32,000.
        item: { projectId, isGold: true },
        assignment: { batchId: { in: batchIds } },
        ...(cursor ? { id: { gt: cursor } } : {}),
      },
      orderBy: { id: "asc" },
      take: PAGE_SIZE,
      select: { id: true, itemId: true, data: true, assignment: { select: { reviewer: { select: { id: true, name: true, email: true } } } } },
    });
    for (const a of page) {
      const reviewer = a.assignment!.reviewer;
      const known = goldItems.get(a.itemId);
      if (!known) continue; // flagged gold without a valid known answer
      const { gold, labelToResponseId } = known;
      const result = compareWithGold(gold, withDocumentDefaults(a.data), labelToResponseId);
      let row = rows.get(reviewer.id);
      if (!row) {
        row = { reviewerId: reviewer.id, reviewerName: reviewer.name, reviewerEmail: reviewer.email, goldItems: 0, compared: 0, correct: 0, accuracy: null };
        rows.set(reviewer.id, row);
      }
      row.goldItems += 1;
      row.compared += result.compared;
      row.correct += result.correct;
    }
    if (page.length < PAGE_SIZE) break;
    cursor = page[page.length - 1].id;
  }
  for (const row of rows.values()) row.accuracy = row.compared ? row.correct / row.compared : null;
  return [...rows.values()].sort((a, b) => a.reviewerName.localeCompare(b.reviewerName) || a.reviewerEmail.localeCompare(b.reviewerEmail));
}

/** Ownership where the data is loaded (STYLE.md): an invisible project or foreign batch is "not found". */
/**
 * Gold items are a small quality-control subset, so they are held in memory. Items flagged
 * isGold without a valid reference.gold have no known answer and are left out.
 */
export async function loadGoldItems(projectId: string): Promise<Map<string, GoldItem>> {
  const items = await getDb().item.findMany({
    where: { projectId, isGold: true },
    select: { id: true, reference: true, responses: { select: { id: true, label: true } } },
  });
  const result = new Map<string, GoldItem>();
  for (const item of items) {
    const raw = (item.reference as { gold?: unknown } | null)?.gold;
    if (raw === undefined || raw === null) continue;
    const parsed = goldSchema.safeParse(raw);
    if (!parsed.success) continue;
    result.set(item.id, { gold: parsed.data, labelToResponseId: Object.fromEntries(item.responses.map((r) => [r.label, r.id])) });
  }
  return result;
}
