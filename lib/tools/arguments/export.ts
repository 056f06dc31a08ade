import type { AnnotationData } from "@/lib/annotations/schema";
import type { ArgumentAnnotation } from "@/lib/formats/argument-types";
import type { ExportResponseRecord, SubmittedRecord } from "@/lib/export/record-schema";
import type { CsvRow } from "../types";
import { parseResponseTarget } from "./targets";

// Argument spans and relations in the JSONL export: a response's under `arguments.content` /
// `arguments.reasoning` of that response (by its id, so blinding is undone), the item's texts under
// the record's `arguments` by target key. Offsets are code points of the stored text (decision 011).
// brat and CoNLL/BIO files are written by lib/tools/arguments/export-files.ts.

function csvRows(annotation: ArgumentAnnotation, emit: (axis: string, value: string, comment: string) => string[]): string[][] {
  return [
    ...annotation.spans.map((s) => emit(`span:${s.id}`, s.label, `${s.start}-${s.end} ${s.text}`)),
    ...annotation.relations.map((r) => emit(`relation:${r.id}`, r.label, `${r.from} -> ${r.to}`)),
  ];
}

export const argumentsExport = {
  id: "arguments" as const,
  response(doc: AnnotationData, responseId: string) {
    const content = doc.arguments?.[`response.${responseId}.content`];
    const reasoning = doc.arguments?.[`response.${responseId}.reasoning`];
    if (!content && !reasoning) return {};
    return { arguments: { ...(content ? { content } : {}), ...(reasoning ? { reasoning } : {}) } };
  },
  record(doc: AnnotationData) {
    const own = Object.entries(doc.arguments ?? {}).filter(([key]) => !parseResponseTarget(key));
    return own.length ? { arguments: Object.fromEntries(own) } : {};
  },
  /** Rows `argument:content|reasoning`, axis `span:<id>` (label; offsets and text in the comment) or `relation:<id>` (type; from -> to). */
  csvResponseRows(r: ExportResponseRecord, row: CsvRow): string[][] {
    return (["content", "reasoning"] as const).flatMap((field) => {
      const annotation = r.arguments?.[field];
      return annotation ? csvRows(annotation, (axis, value, comment) => row(r, `argument:${field}`, axis, value, comment)) : [];
    });
  },
  csvRecordRows(record: SubmittedRecord, row: CsvRow): string[][] {
    return Object.entries(record.arguments ?? {}).flatMap(([target, annotation]) => csvRows(annotation, (axis, value, comment) => row(null, `argument:${target}`, axis, value, comment)));
  },
};
