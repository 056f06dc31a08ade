import type { ExportRecord } from "./record-schema";
import { promptMessagesOf, promptTextOf, responseTextOf } from "./record-texts";

/**
 * One supervised fine-tuning record per corrected response (decision 030): the prompt as chat
 * messages and as text, the reviewer's corrected answer as the completion, the model's original
 * answer beside it, and how much was changed. Records carry content (prepareExport asks for it).
 */
export type SftRecord = {
  messages: Array<{ role: "user" | "assistant" | "system"; content: string }>;
  prompt: string;
  completion: string;
  original: string;
  editDistance: number;
  normalizedEditDistance: number | null;
  reviewer: string;
  project: string;
  batch: string;
  annotationId: string;
  itemId: string;
  externalId: string;
  responseId: string;
  model: string;
};

export function sftRecordsOf(record: ExportRecord): SftRecord[] {
  if (record.status !== "submitted") return [];
  const messages = promptMessagesOf(record);
  const prompt = promptTextOf(record);
  return record.responses.flatMap((r) => {
    if (!r.correction) return [];
    return [{
      messages: [...messages, { role: "assistant" as const, content: r.correction.content }],
      prompt,
      completion: r.correction.content,
      original: responseTextOf(r),
      editDistance: r.correction.editDistance,
      normalizedEditDistance: r.correction.normalizedEditDistance,
      reviewer: record.reviewer,
      project: record.project,
      batch: record.batch,
      annotationId: record.annotationId,
      itemId: record.itemId,
      externalId: record.externalId,
      responseId: r.responseId,
      model: r.modelName,
    }];
  });
}
