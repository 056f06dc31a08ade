import type { Actor } from "@/lib/auth/permissions";
import { streamAnnotationRecords } from "@/lib/export/annotation-records";
import { findVisibleBatchIds } from "@/lib/projects/access";
import { wilsonInterval, type Proportion } from "@/lib/tools/steps/metrics";
import { SpanTexts, type SpanAgreement } from "@/lib/results/span-agreement";

// Outputs about patient records, per model (issue 13): of the statements reviewers marked, the
// shares the record supports, contradicts, or says nothing about; the share of outputs with at least
// one contradicted statement; how many entries a supported statement rests on; and which sections of
// the record the linked entries come from. Each review counts.

export type RecordModelResult = {
  model: string;
  outputs: number;
  statements: number;
  supported: Proportion;
  contradicted: Proportion;
  unsupported: Proportion;
  /** Outputs with at least one contradicted statement. */
  contradicting: Proportion;
  meanEntries: number | null;
  bySection: Record<string, number>;
};

export type RecordResults = { models: RecordModelResult[]; agreement: SpanAgreement };

export async function loadRecordResults(actor: Actor, projectId: string): Promise<RecordResults> {
  await findVisibleBatchIds(actor, projectId, "project:read");
  type Tally = { outputs: number; n: number; supported: number; contradicted: number; unsupported: number; contradicting: number; linked: number[]; bySection: Record<string, number> };
  const byModel = new Map<string, Tally>();
  const texts = new SpanTexts();
  for await (const record of streamAnnotationRecords({ projectId, withTool: "record-links" })) {
    for (const r of record.responses) {
      const statements = r.recordStatements;
      // Every review of an output counts for agreement, one that marked nothing too.
      texts.add(`${record.itemId}/${r.responseId}`, (statements ?? []).map((s) => ({ ...s, label: s.verdict })));
      if (!statements?.length) continue;
      const t = byModel.get(r.modelName) ?? byModel.set(r.modelName, { outputs: 0, n: 0, supported: 0, contradicted: 0, unsupported: 0, contradicting: 0, linked: [], bySection: {} }).get(r.modelName)!;
      t.outputs++;
      if (statements.some((s) => s.verdict === "contradicted")) t.contradicting++;
      for (const s of statements) {
        t.n++;
        t[s.verdict]++;
        if (s.verdict === "supported") t.linked.push(s.entries.length);
        for (const e of s.entries) t.bySection[e.section] = (t.bySection[e.section] ?? 0) + 1;
      }
    }
  }
  const models = [...byModel]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([model, t]) => ({
      model,
      outputs: t.outputs,
      statements: t.n,
      supported: wilsonInterval(t.supported, t.n),
      contradicted: wilsonInterval(t.contradicted, t.n),
      unsupported: wilsonInterval(t.unsupported, t.n),
      contradicting: wilsonInterval(t.contradicting, t.outputs),
      meanEntries: t.linked.length ? t.linked.reduce((a, b) => a + b, 0) / t.linked.length : null,
      bySection: t.bySection,
    }));
  return { models, agreement: texts.agreement() };
}
