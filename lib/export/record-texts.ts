import { parseItemInput, responseAnswerSchema, type Turn } from "@/lib/items/schema";
import { recordAsText } from "@/lib/items/patient-record";
import type { ExportRecord, ExportResponseRecord } from "./record-schema";

// Plain-text views of a record's item and responses, for the dataset formats that are texts
// (preference pairs, HealthBench records). Records must carry content (prepareExport asks for it).

/** The item as chat messages: a dialogue's turns (patient → user, clinician → assistant), otherwise one user message. */
export function promptMessagesOf(record: ExportRecord): Array<{ role: "user" | "assistant" | "system"; content: string }> {
  const input = record.item ? parseItemInput(record.kind, record.item.input) : null;
  if (!input) return [];
  const message = (content: string) => [{ role: "user" as const, content }];
  switch (input.kind) {
    case "dialogue":
      return input.turns.map((t: Turn) => ({ role: t.role === "patient" ? "user" : t.role === "clinician" ? "assistant" : t.role, content: t.content }));
    case "qa":
      return message(input.context ? `${input.context}\n\n${input.question}` : input.question);
    case "mcq":
      return message([input.question, ...input.options.map((o) => `${o.key}. ${o.text}`)].join("\n"));
    case "vqa":
      // Images cannot travel in a text prompt: their references follow the question.
      return message([input.question, ...input.images.map((i) => `[image: ${i.src}${i.modality ? `, ${i.modality}` : ""}]`)].join("\n"));
    case "note":
      return message(input.text);
    case "ddx":
    case "trajectory":
      return message(input.case);
    case "summary":
      return message(input.instruction ? `${input.instruction}\n\n${input.source}` : input.source);
    case "record":
      return message(`${input.question}\n\n${recordAsText(input.record)}`);
  }
}

/** The item as one text: the question, or the conversation as "role: content" paragraphs (HealthBench's grader format). */
export function promptTextOf(record: ExportRecord): string {
  const messages = promptMessagesOf(record);
  if (record.kind !== "dialogue") return messages[0]?.content ?? "";
  return messages.map((m) => `${m.role}: ${m.content}`).join("\n\n");
}

/** What the model answered, as text: its content, after its structured answer (mcq choice, differential) when it has one. */
export function responseTextOf(response: Pick<ExportResponseRecord, "content" | "answer">): string {
  const parsed = responseAnswerSchema.safeParse(response.answer ?? {});
  const answer = parsed.success ? parsed.data : {};
  const parts: string[] = [];
  if (answer.choice) parts.push(`Answer: ${answer.choice}`);
  if (answer.differential) parts.push(answer.differential.map((d, i) => `${i + 1}. ${d.diagnosis}${d.rationale ? ` — ${d.rationale}` : ""}`).join("\n"));
  if (response.content) parts.push(response.content);
  else if (answer.turns) parts.push(answer.turns.map((t) => `${t.role}: ${t.content}`).join("\n\n"));
  return parts.join("\n\n");
}
