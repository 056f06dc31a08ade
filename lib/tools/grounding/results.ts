import type { Actor } from "@/lib/auth/permissions";
import { streamAnnotationRecords } from "@/lib/export/annotation-records";
import { findVisibleBatchIds } from "@/lib/projects/access";
import { wilsonInterval, type Proportion } from "@/lib/tools/steps/metrics";
import { SpanTexts, type SpanAgreement } from "@/lib/results/span-agreement";
import { UNSUPPORTED_KINDS, type UnsupportedKind } from "./labels";

// Summary results per model (issue 13): the hallucination rate — the share of reviewed summaries with
// at least one unsupported stretch — and the omission rate — with at least one important omission —
// with the mean number of marks per summary and the marks by kind. Each review counts.

export type GroundingModelResult = {
  model: string;
  summaries: number;
  hallucinated: Proportion;
  omitting: Proportion;
  meanUnsupported: number;
  meanOmitted: number;
  byKind: Record<UnsupportedKind, number>;
};

export type GroundingResults = { models: GroundingModelResult[]; agreement: SpanAgreement };

export async function loadGroundingResults(actor: Actor, projectId: string): Promise<GroundingResults> {
  await findVisibleBatchIds(actor, projectId, "project:read");
  const byModel = new Map<string, { n: number; hallucinated: number; omitting: number; unsupported: number; omitted: number; byKind: Record<UnsupportedKind, number> }>();
  const texts = new SpanTexts();
  for await (const record of streamAnnotationRecords({ projectId, withTool: "grounding" })) {
    for (const r of record.responses) {
      const g = r.grounding;
      if (!g) continue;
      texts.add(`${record.itemId}/${r.responseId}/summary`, g.unsupported);
      texts.add(`${record.itemId}/${r.responseId}/source`, g.omitted.map((s) => ({ ...s, label: "omitted" })));
      const t = byModel.get(r.modelName) ?? byModel.set(r.modelName, { n: 0, hallucinated: 0, omitting: 0, unsupported: 0, omitted: 0, byKind: Object.fromEntries(UNSUPPORTED_KINDS.map((k) => [k, 0])) as Record<UnsupportedKind, number> }).get(r.modelName)!;
      t.n++;
      if (g.unsupportedSpans) t.hallucinated++;
      if (g.omittedSpans) t.omitting++;
      t.unsupported += g.unsupportedSpans;
      t.omitted += g.omittedSpans;
      for (const s of g.unsupported) t.byKind[s.label]++;
    }
  }
  const models = [...byModel]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([model, t]) => ({ model, summaries: t.n, hallucinated: wilsonInterval(t.hallucinated, t.n), omitting: wilsonInterval(t.omitting, t.n), meanUnsupported: t.unsupported / t.n, meanOmitted: t.omitted / t.n, byKind: t.byKind }));
  return { models, agreement: texts.agreement() };
}
