import type { AnnotationData } from "@/lib/annotations/schema";
import { checkArgumentAnnotation } from "@/lib/formats/check-annotation";
import type { CheckContext, RatingProblem, ToolChecks } from "../types";
import { screenLabel } from "../ratings/axis-values";
import { needsEntries, statementLabelSet } from "./labels";

/**
 * Statements about the record: only on the assignment's outputs of a record item; spans inside the
 * output, quoting it exactly, labelled with a verdict; links only from marked statements to entries
 * the record has. At submit, a supported or contradicted statement names at least one entry.
 */
export const recordLinksChecks: ToolChecks = {
  id: "record-links",
  version: 1,
  check(doc: AnnotationData, ctx: CheckContext, forSubmit: boolean): RatingProblem[] {
    const problems: RatingProblem[] = [];
    const record = ctx.record;
    for (const [responseId, block] of Object.entries(doc.recordLinks ?? {})) {
      const index = ctx.responseIds.indexOf(responseId);
      const output = record?.outputs[responseId];
      if (index === -1 || output === undefined || !record) {
        problems.push({ path: `recordLinks.${responseId}`, message: "This response is not an output about a patient record in this assignment." });
        continue;
      }
      const who = screenLabel(index);
      const annotation = block.output ?? { spans: [], relations: [] };
      for (const p of checkArgumentAnnotation(output, annotation, statementLabelSet())) problems.push({ path: `recordLinks.${responseId}.output.${p.path.join(".")}`, message: `${who}: ${p.message}` });
      const spans = new Map(annotation.spans.map((s, n) => [s.id, { span: s, n }]));
      for (const [spanId, entries] of Object.entries(block.entries ?? {})) {
        const marked = spans.get(spanId);
        if (!marked) {
          problems.push({ path: `recordLinks.${responseId}.entries.${spanId}`, message: `${who}: links from a statement that is not marked.` });
          continue;
        }
        const unknown = entries.filter((id) => !record.entryIds.has(id));
        if (unknown.length) problems.push({ path: `recordLinks.${responseId}.entries.${spanId}`, message: `${who}, statement ${marked.n + 1}: the record has no entry ${unknown.map((u) => `"${u}"`).join(", ")}.` });
        if (new Set(entries).size !== entries.length) problems.push({ path: `recordLinks.${responseId}.entries.${spanId}`, message: `${who}, statement ${marked.n + 1} links an entry twice.` });
      }
      if (forSubmit) {
        for (const [id, { span, n }] of spans) {
          if (needsEntries(span.label) && !(block.entries?.[id]?.length)) problems.push({ path: `recordLinks.${responseId}.entries.${id}`, message: `${who}, statement ${n + 1} (“${span.text.slice(0, 60)}”) is marked ${span.label}: link the record entries that show it.` });
        }
      }
    }
    return problems;
  },
};
