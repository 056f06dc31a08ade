import { z } from "zod";
import { itemImportSchema } from "@/lib/items/schema";
import { decodeFile } from "./decode-file";

// HealthBench example (simple-evals `healthbench_eval.py` input, one JSONL row) → one `dialogue`
// item of our import JSONL. The rubric becomes the item's criteria; what physicians grade are the
// completions: the upstream reference completions and/or the user's own model outputs.

const exampleSchema = z.object({
  prompt_id: z.string().trim().min(1, { error: "prompt_id is required." }),
  prompt: z
    .array(z.object({ role: z.enum(["user", "assistant", "system"]), content: z.string() }))
    .min(1, { error: "prompt needs at least one message." }),
  rubrics: z.array(
    z.object({
      // Kept as written (content is stored byte for byte); only a blank one is refused.
      criterion: z.string().refine((c) => c.trim().length > 0, { error: "criterion text is required." }),
      points: z.number({ error: "points must be a number." }),
      tags: z.array(z.string()).default([]),
    }),
  ),
  example_tags: z.array(z.string()).default([]),
  ideal_completions_data: z
    .object({
      ideal_completion: z.string().optional(),
      ideal_completions_group: z.string().optional(),
      ideal_completions_ref_completions: z.array(z.string()).nullish(),
    })
    .nullish(),
  canary: z.string().optional(),
});

export type ExtraCompletion = { model: string; completion: string };
export type HealthBenchOptions = {
  /** Cap on upstream reference completions per item (extra completions are always kept). */
  maxResponses?: number;
  /** The user's own completions by prompt_id (from `--completions`). */
  extraCompletions?: ReadonlyMap<string, ExtraCompletion[]>;
};

export class HealthBenchFormatError extends Error {}

const issuesText = (error: z.ZodError) => error.issues.map((i) => `${i.path.join(".") || "(example)"}: ${i.message}`).join("; ");

export function convertHealthBenchExample(example: unknown, opts: HealthBenchOptions = {}): { item?: Record<string, unknown>; skipped?: string } {
  const parsed = exampleSchema.safeParse(example);
  if (!parsed.success) throw new HealthBenchFormatError(`not a HealthBench example: ${issuesText(parsed.error)}`);
  const ex = parsed.data;
  const data = ex.ideal_completions_data;

  // Names stay tied to the upstream position even when blanks are dropped or the list is capped.
  const refs = (data?.ideal_completions_ref_completions ?? [])
    .map((content, i) => ({ modelName: `healthbench-ref-${i + 1}`, content }))
    .filter((r) => r.content.trim())
    .slice(0, opts.maxResponses ?? Infinity);
  const extras = (opts.extraCompletions?.get(ex.prompt_id) ?? []).map((c) => ({ modelName: c.model, content: c.completion }));
  const responses = [...refs, ...extras];
  if (!responses.length) return { skipped: "no completions to grade" };

  const reference = {
    ...(data?.ideal_completion ? { answer: data.ideal_completion } : {}),
    ...(data?.ideal_completions_group ? { idealCompletionsGroup: data.ideal_completions_group } : {}),
  };
  const item = {
    kind: "dialogue",
    externalId: ex.prompt_id,
    turns: ex.prompt.map(({ role, content }) => ({ role, content })),
    responses,
    criteria: ex.rubrics.map(({ criterion, points, tags }) => ({ criterion, points, tags })),
    ...(Object.keys(reference).length ? { reference } : {}),
    // The canary marks benchmark data that must stay out of training corpora: keep it with the item.
    metadata: { tags: ex.example_tags, ...(ex.canary ? { canary: ex.canary } : {}), source: "healthbench" },
  };

  // Fail here, naming the example, rather than at import time with a line number in our output.
  const check = itemImportSchema.safeParse(item);
  if (!check.success) throw new HealthBenchFormatError(`${ex.prompt_id}: ${issuesText(check.error)}`);
  return { item };
}

const completionSchema = z.object({
  prompt_id: z.string().trim().min(1, { error: "prompt_id is required." }),
  model: z.string().trim().min(1, { error: "model is required." }),
  completion: z.string().refine((s) => s.trim().length > 0, { error: "completion is empty." }),
});

/**
 * The examples in one input file: upstream `.jsonl` (one example per line; blank lines skipped)
 * or a `.json` file holding one example. Strict UTF-8 and a leading byte-order mark allowed
 * (decode-file.ts); every line that cannot be read is an error naming it.
 */
export function readHealthBenchFile(name: string, bytes: Uint8Array): { examples: { where: string; example: unknown }[]; errors: string[] } {
  const examples: { where: string; example: unknown }[] = [];
  const errors: string[] = [];
  const decoded = decodeFile(bytes);
  if ("message" in decoded) return { examples, errors: [`${name}:${decoded.line}: ${decoded.message}`] };
  const read = (where: string, text: string) => {
    try {
      examples.push({ where, example: JSON.parse(text) });
    } catch (e) {
      errors.push(`${where}: invalid JSON: ${(e as Error).message}`);
    }
  };
  if (name.endsWith(".jsonl")) decoded.text.split(/\r?\n/).forEach((row, i) => row.trim() && read(`${name}:${i + 1}`, row));
  else read(name, decoded.text);
  return { examples, errors };
}

/** Parses `--completions` JSONL: one `{prompt_id, model, completion}` per line. */
export function parseCompletionsJsonl(text: string): { completions: Map<string, ExtraCompletion[]>; errors: { line: number; message: string }[] } {
  const completions = new Map<string, ExtraCompletion[]>();
  const errors: { line: number; message: string }[] = [];
  text.replace(/^\uFEFF/, "").split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (e) {
      errors.push({ line: i + 1, message: `invalid JSON: ${(e as Error).message}` });
      return;
    }
    const row = completionSchema.safeParse(json);
    if (!row.success) {
      errors.push({ line: i + 1, message: issuesText(row.error) });
      return;
    }
    const list = completions.get(row.data.prompt_id) ?? [];
    list.push({ model: row.data.model, completion: row.data.completion });
    completions.set(row.data.prompt_id, list);
  });
  return { completions, errors };
}
