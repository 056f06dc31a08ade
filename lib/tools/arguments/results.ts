import type { Actor } from "@/lib/auth/permissions";
import type { ArgumentAnnotation } from "@/lib/formats/argument-types";
import { streamAnnotationRecords } from "@/lib/export/annotation-records";
import { findVisibleBatchIds } from "@/lib/projects/access";
import { argumentAgreement, type ArgumentAgreement } from "./agreement";

export type ArgumentCount = { model: string | null; label: string; count: number };

export type ArgumentResults = {
  /** Submitted annotations with at least one argument span. */
  annotations: number;
  /** Spans per label: over the item's texts (model null) and per model over its answers and reasoning. */
  spans: ArgumentCount[];
  relations: ArgumentCount[];
  /** Span and relation F1 between reviewers of the same text (exact and overlap match). */
  agreement: ArgumentAgreement;
};

function bump(map: Map<string, ArgumentCount>, model: string | null, label: string, by = 1) {
  const key = `${model ?? ""}\u0000${label}`;
  const row = map.get(key) ?? { model, label, count: 0 };
  row.count += by;
  map.set(key, row);
}

const sorted = (map: Map<string, ArgumentCount>) =>
  [...map.values()].sort((a, b) => (a.model ?? "").localeCompare(b.model ?? "") || a.label.localeCompare(b.label));

/** Argument results of a project's submitted annotations. Reads the export's records, so page, API, CLI and export agree. */
export async function loadArgumentResults(actor: Actor, projectId: string): Promise<ArgumentResults> {
  await findVisibleBatchIds(actor, projectId, "project:read");
  const spans = new Map<string, ArgumentCount>();
  const relations = new Map<string, ArgumentCount>();
  const byText = new Map<string, ArgumentAnnotation[]>();
  let annotations = 0;
  const add = (text: string, model: string | null, annotation: ArgumentAnnotation) => {
    for (const s of annotation.spans) bump(spans, model, s.label);
    for (const r of annotation.relations) bump(relations, model, r.label);
    byText.set(text, [...(byText.get(text) ?? []), annotation]);
  };
  for await (const record of streamAnnotationRecords({ projectId, withTool: "arguments" })) {
    if (record.status !== "submitted") continue;
    let any = false;
    for (const [target, annotation] of Object.entries(record.arguments ?? {})) {
      if (!annotation) continue;
      add(`${record.itemId}|${target}`, null, annotation);
      any ||= annotation.spans.length > 0;
    }
    for (const r of record.responses) {
      for (const field of ["content", "reasoning"] as const) {
        const annotation = r.arguments?.[field];
        if (!annotation) continue;
        add(`${record.itemId}|${r.responseId}|${field}`, r.modelName, annotation);
        any ||= annotation.spans.length > 0;
      }
    }
    if (any) annotations += 1;
  }
  return { annotations, spans: sorted(spans), relations: sorted(relations), agreement: argumentAgreement([...byText.values()]) };
}
