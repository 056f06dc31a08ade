import type { Actor } from "@/lib/auth/permissions";
import { streamAnnotationRecords } from "@/lib/export/annotation-records";
import { findVisibleBatchIds } from "@/lib/projects/access";
import { wilsonInterval, type Proportion } from "@/lib/tools/steps/metrics";

// Citation results per model (issue 13): precision — the share of marked citations that support
// their claim (partly supporting counts ½ here, and not in the strict share) — and the share of
// fabricated references (not found). From the export's records; each review counts.

export type CitationModelResult = { model: string; citations: number; precision: number | null; supports: Proportion; fabricated: Proportion };

export async function loadCitationResults(actor: Actor, projectId: string): Promise<CitationModelResult[]> {
  await findVisibleBatchIds(actor, projectId, "project:read");
  const byModel = new Map<string, { n: number; supports: number; partial: number; notFound: number }>();
  for await (const record of streamAnnotationRecords({ projectId, withTool: "citations" })) {
    for (const r of record.responses) {
      for (const c of r.citations ?? []) {
        if (!c.mark) continue;
        const t = byModel.get(r.modelName) ?? byModel.set(r.modelName, { n: 0, supports: 0, partial: 0, notFound: 0 }).get(r.modelName)!;
        t.n++;
        if (c.mark === "supports") t.supports++;
        if (c.mark === "partial") t.partial++;
        if (c.mark === "not_found") t.notFound++;
      }
    }
  }
  return [...byModel]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([model, t]) => ({ model, citations: t.n, precision: t.n ? (t.supports + t.partial / 2) / t.n : null, supports: wilsonInterval(t.supports, t.n), fabricated: wilsonInterval(t.notFound, t.n) }));
}
