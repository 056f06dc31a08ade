import { z } from "zod";

// The field rules of the item import (./schema.ts and ./answer-parts.ts): limits per field, content
// kept exactly as given, identifiers trimmed, free JSON capped by size. Client-safe.

/** Limits per field, in characters (free JSON: characters of its JSON text). README lists them. */
export const LIMITS = {
  externalId: 200,
  modelName: 200,
  question: 100_000,
  context: 200_000,
  content: 200_000,
  reasoning: 500_000,
  noteText: 500_000,
  case: 200_000,
  sentence: 20_000,
  option: 20_000,
  criterion: 20_000,
  turns: 500,
  actions: 1000,
  metadata: 100_000,
  reference: 1_000_000,
} as const;

// Rules the issue map turns into words (import-issues.ts): `blank` and `size` carry no message here.
export const notBlank = (s: string) => s.trim().length > 0;
export const blankRule = { params: { rule: "blank" } };

/** Content: kept exactly as given; `required` content must not be blank. */
export const text = (max: number) => z.string().max(max);
export const requiredText = (max: number) => z.string().max(max).refine(notBlank, blankRule);
/** Identifiers and labels: surrounding whitespace is dropped. */
export const ident = (max: number, min = 1) => z.string().trim().min(min).max(max);

export function jsonLength(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return Infinity; // too deep to serialize: far past any limit
  }
}
export const freeJson = <T extends z.ZodType>(schema: T, max: number) =>
  schema.refine((v) => jsonLength(v) <= max, { params: { rule: "size", max }, when: () => true });
