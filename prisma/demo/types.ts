import type { z } from "zod";
import type {
  ddxItemImportSchema,
  dialogueItemImportSchema,
  mcqItemImportSchema,
  noteItemImportSchema,
  qaItemImportSchema,
  summaryItemImportSchema,
  vqaItemImportSchema,
} from "@/lib/items/schema";

// Three small showcase projects beside the consumer-health demo: one per rubric style (reasoning
// quality across item kinds, Med-PaLM 2 pairwise, HealthBench criteria). Every case, patient,
// model answer and the drug "demoxicillin" is invented for the demo; nothing here is medical
// advice. Items are plain import rows: the seed sends them through the real JSONL import, so a
// malformed row fails the seed loudly.

export type QaItem = z.input<typeof qaItemImportSchema>;
export type McqItem = z.input<typeof mcqItemImportSchema>;
export type DdxItem = z.input<typeof ddxItemImportSchema>;
export type VqaItem = z.input<typeof vqaItemImportSchema>;
export type NoteItem = z.input<typeof noteItemImportSchema>;
export type DialogueItem = z.input<typeof dialogueItemImportSchema>;
export type SummaryItem = z.input<typeof summaryItemImportSchema>;
export type ShowcaseItem = QaItem | McqItem | DdxItem | VqaItem | NoteItem | DialogueItem;

export const SOURCE = { source: "consilium-demo (fictional)" };
export const FICTIONAL = "All cases, patients and model outputs in this project are invented for the demo. Nothing here is medical advice.";
